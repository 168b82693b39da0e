package dcl.registry.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the decision audit trail and shadow mode cost, through the real API of a running service:
 *
 * <ul>
 *   <li>the recording of each decision (judging it against the stored configuration and writing
 *       it), from the service's own {@code dcl_decision_recording_seconds} timer: the seed's audit
 *       overhead, target &lt; 5 ms;
 *   <li>the caller's proposal latency with and without a shadow candidate, measured in alternating
 *       rounds in one run, since a shadow must leave the caller's latency unchanged;
 *   <li>the shadow's own figures at the end (compared, agreement, skipped).
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-decisions} with the service running
 * (the README's run command); {@code -Dbench.rounds=} (5), {@code -Dbench.proposals=} per round and
 * side (60), {@code -Dbench.candidate=} (rag), {@code -Dbench.sample=} (1).
 */
public final class DecisionBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Source fields of a CRM deal table, proposed over and over. */
    private static final List<String> FIELDS =
            List.of(
                    "amount",
                    "close_date",
                    "dealname",
                    "dealstage",
                    "pipeline",
                    "hubspot_owner_id",
                    "createdate",
                    "hs_lastmodifieddate",
                    "description",
                    "deal_currency_code",
                    "hs_forecast_probability",
                    "closed_lost_reason",
                    "num_contacted_notes",
                    "hs_deal_stage_probability",
                    "hs_is_closed_won");

    private final String base;
    private final String admin;
    private final String runtime;
    private int sent;

    private DecisionBenchmark(String base, String admin, String runtime) {
        this.base = base;
        this.admin = admin;
        this.runtime = runtime;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        DevToken tokens =
                new DevToken(
                        Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
        int rounds = Integer.getInteger("bench.rounds", 5);
        int perSide = Integer.getInteger("bench.proposals", 60);
        String candidate = System.getProperty("bench.candidate", "rag");
        double sample = Double.parseDouble(System.getProperty("bench.sample", "1"));
        String tenant = "bench-decisions-" + UUID.randomUUID().toString().substring(0, 8);
        DecisionBenchmark bench =
                new DecisionBenchmark(
                        base,
                        tokens.mint(tenant, "bench-admin", "admin"),
                        tokens.mint(tenant, "bench-runtime", "service"));
        bench.run(rounds, perSide, candidate, sample);
    }

    private void run(int rounds, int perSide, String candidate, double sample) throws Exception {
        double[] recordingBefore = recording();
        proposeTimed(perSide); // warm-up: JIT, the tenant's schema, connections
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            without.addAll(proposeTimed(perSide));
            shadow(candidate, sample);
            with.addAll(proposeTimed(perSide));
            JsonObject figures = json(send("GET", "/dcl/admin/intelligence/shadow", admin, null));
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "[decisions] round %d: without shadow p95 %.1f ms, with shadow p95 %.1f"
                                    + " ms (compared %d, skipped %d)",
                            round,
                            percentile(without, 0.95),
                            percentile(with, 0.95),
                            figures.getInt("compared"),
                            figures.getInt("skipped")));
            if (round < rounds) {
                send("DELETE", "/dcl/admin/intelligence/shadow", admin, null);
            }
        }
        Thread.sleep(2000); // the last comparisons finish on the service's background threads
        JsonObject shadow = json(send("GET", "/dcl/admin/intelligence/shadow", admin, null));
        double[] recordingAfter = recording();
        long decisions = (long) (recordingAfter[0] - recordingBefore[0]);
        double meanMs = 1000 * (recordingAfter[1] - recordingBefore[1]) / Math.max(1, decisions);
        System.out.println();
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "caller's proposal latency (%d proposals a side, %d rounds alternating):",
                        perSide,
                        rounds));
        System.out.println(line("without shadow", without));
        System.out.println(line("with shadow (" + candidate + ", sample " + sample + ")", with));
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "  p95 with / without = %.2f",
                        percentile(with, 0.95) / percentile(without, 0.95)));
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "decision recording (judge + write, dcl_decision_recording_seconds): %d"
                                + " decisions, mean %.2f ms, p95 %.2f ms, max %.2f ms (target < 5"
                                + " ms)",
                        decisions,
                        meanMs,
                        1000 * recordingAfter[3],
                        1000 * recordingAfter[2]));
        System.out.println(
                String.format(
                        Locale.ROOT,
                        "shadow of the last round: candidate %s, compared %d, agreementTop1 %.3f,"
                                + " agreementTop3 %.3f, skipped %d, byStrategy %s",
                        shadow.getJsonObject("candidate").getString("label"),
                        shadow.getInt("compared"),
                        shadow.getJsonNumber("agreementTop1").doubleValue(),
                        shadow.getJsonNumber("agreementTop3").doubleValue(),
                        shadow.getInt("skipped"),
                        shadow.getJsonObject("byStrategy")));
        send("DELETE", "/dcl/admin/intelligence/shadow", admin, null);
    }

    private void shadow(String candidate, double sample) throws Exception {
        HttpResponse<String> started =
                send(
                        "PUT",
                        "/dcl/admin/intelligence/shadow",
                        admin,
                        "{\"candidate\":\"" + candidate + "\",\"sample\":" + sample + "}");
        if (started.statusCode() != 200) {
            throw new IllegalStateException("shadow not started: " + started.body());
        }
    }

    private List<Long> proposeTimed(int count) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String field = FIELDS.get(sent++ % FIELDS.size());
            long start = System.nanoTime();
            HttpResponse<String> reply =
                    send(
                            "POST",
                            "/dcl/intelligence/propose-mapping",
                            runtime,
                            "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\""
                                    + field
                                    + "\",\"sampleValues\":[\"2024-01-02\"]}");
            nanos.add(System.nanoTime() - start);
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("proposal failed: " + reply.body());
            }
        }
        return nanos;
    }

    /** The recording timer's count, sum, max and p95 (seconds), from /metrics. */
    private double[] recording() throws Exception {
        String metrics = send("GET", "/metrics?scope=application", null, null).body();
        double[] figures = new double[4];
        String[] names = {
            "dcl_decision_recording_seconds_count",
            "dcl_decision_recording_seconds_sum",
            "dcl_decision_recording_seconds_max",
            "dcl_decision_recording_seconds{"
        };
        for (String line : metrics.lines().toList()) {
            for (int i = 0; i < names.length; i++) {
                boolean quantile = i == 3 && !line.contains("quantile=\"0.95\"");
                if (line.startsWith(names[i]) && !quantile) {
                    figures[i] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return figures;
    }

    private static String line(String name, List<Long> nanos) {
        return String.format(
                Locale.ROOT,
                "  %-32s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms",
                name,
                percentile(nanos, 0.50),
                percentile(nanos, 0.95),
                percentile(nanos, 0.99));
    }

    private static double percentile(List<Long> nanos, double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static JsonObject json(HttpResponse<String> reply) {
        try (var reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws Exception {
        return HTTP.send(
                BenchApi.request(base, method, path, token, json),
                HttpResponse.BodyHandlers.ofString());
    }
}
