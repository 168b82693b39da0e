package dcl.registry.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Proposal accuracy through the real API, per strategy, in both modes of
 * ../shared/bench/dev/README.md:
 *
 * <ul>
 *   <li>cold: a fresh tenant holding exactly the file's canonical model (default entities removed);
 *   <li>warm (leave one connector out): for each connector, a fresh tenant that also knows the
 *       other connectors' ground truth as ACTIVE mappings (loaded through POST /dcl/mappings).
 * </ul>
 *
 * Each case is proposed once per strategy (the request names it), so the strategies see the same
 * tenant. Prints top-1 / top-3 accuracy, the abstention rate on unmatched fields (confidence below
 * 0.5; cold mode), proposals per second and p95 latency, per file and overall.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-proposals} with the service running;
 * {@code -Dbench.strategies=lexical,rag,mixed,llm} adds the LLM when the service has a Gemini key.
 */
public final class ProposalBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final double ABSTAIN_BELOW = 0.5;

    private ProposalBenchmark() {}

    /** Counts for one strategy in one mode (per file, or summed over files). */
    private static final class Tally {
        int cases;
        int top1;
        int top3;
        int unmatched;
        int abstained;
        long nanos;
        final List<Long> latencies = new ArrayList<>();

        void add(Tally other) {
            cases += other.cases;
            top1 += other.top1;
            top3 += other.top3;
            unmatched += other.unmatched;
            abstained += other.abstained;
            nanos += other.nanos;
            latencies.addAll(other.latencies);
        }

        String line(String strategy, String mode, String name) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(
                    Locale.ROOT,
                    "%-8s %-5s %-28s cases=%3d top-1=%.2f top-3=%.2f abstain=%s %5.0f proposals/s"
                            + " p95=%6.1f ms",
                    strategy,
                    mode,
                    name,
                    cases,
                    (double) top1 / cases,
                    (double) top3 / cases,
                    unmatched == 0
                            ? " -  "
                            : String.format(Locale.ROOT, "%.2f", (double) abstained / unmatched),
                    latencies.size() / (nanos / 1e9),
                    sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        Path folder = Path.of(System.getProperty("bench.dev", "../../shared/bench/dev"));
        DevToken tokens =
                new DevToken(
                        Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
        List<String> strategies =
                List.of(System.getProperty("bench.strategies", "lexical,rag,mixed").split(","));
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Map<String, Tally> overall = new LinkedHashMap<>();
        for (Path file : files) {
            JsonObject bench = parse(Files.readString(file)).asJsonObject();
            JsonObject entities = bench.getJsonObject("canonical").getJsonObject("entities");
            List<JsonObject> cases =
                    bench.getJsonArray("cases").stream().map(JsonValue::asJsonObject).toList();
            List<JsonObject> unmatched =
                    bench.containsKey("unmatched")
                            ? bench.getJsonArray("unmatched").stream()
                                    .map(JsonValue::asJsonObject)
                                    .toList()
                            : List.of();

            String cold = tokens.mint(freshTenant(), "bench", "admin");
            installSchema(base, cold, entities);
            for (String strategy : strategies) {
                Tally t = run(base, cold, strategy, cases);
                for (JsonObject field : unmatched) {
                    t.unmatched++;
                    t.abstained +=
                            propose(base, cold, strategy, field, t)
                                                    .getJsonNumber("confidence")
                                                    .doubleValue()
                                            < ABSTAIN_BELOW
                                    ? 1
                                    : 0;
                }
                report(overall, strategy, "cold", file, t);
            }

            Set<String> connectors = new TreeSet<>();
            cases.forEach(c -> connectors.add(c.getString("connector")));
            if (connectors.size() < 2) {
                continue;
            }
            Map<String, Tally> warm = new LinkedHashMap<>();
            for (String connector : connectors) {
                String token = tokens.mint(freshTenant(), "bench", "admin");
                installSchema(base, token, entities);
                List<JsonObject> known =
                        cases.stream()
                                .filter(c -> !c.getString("connector").equals(connector))
                                .toList();
                loadKnownMappings(base, token, known);
                List<JsonObject> asked =
                        cases.stream()
                                .filter(c -> c.getString("connector").equals(connector))
                                .toList();
                for (String strategy : strategies) {
                    warm.computeIfAbsent(strategy, s -> new Tally())
                            .add(run(base, token, strategy, asked));
                }
            }
            warm.forEach((strategy, t) -> report(overall, strategy, "warm", file, t));
        }
        System.out.println();
        overall.forEach(
                (key, t) ->
                        System.out.println(
                                t.line(key.split(" ")[0], key.split(" ")[1], "overall")));
    }

    private static void report(
            Map<String, Tally> overall, String strategy, String mode, Path file, Tally t) {
        System.out.println(t.line(strategy, mode, file.getFileName().toString()));
        overall.computeIfAbsent(strategy + " " + mode, k -> new Tally()).add(t);
    }

    private static String freshTenant() {
        return "proposal-bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Tally run(String base, String token, String strategy, List<JsonObject> cases)
            throws Exception {
        Tally t = new Tally();
        for (JsonObject c : cases) {
            JsonObject proposal = propose(base, token, strategy, c, t);
            Set<String> expected = new HashSet<>();
            if (c.containsKey("expected_any")) {
                c.getJsonArray("expected_any")
                        .forEach(e -> expected.add(((JsonString) e).getString()));
            } else {
                expected.add(c.getString("expected"));
            }
            List<String> ranked = new ArrayList<>();
            ranked.add(
                    proposal.getString("canonicalEntity")
                            + "."
                            + proposal.getString("canonicalField"));
            proposal.getJsonArray("alternatives")
                    .forEach(
                            a ->
                                    ranked.add(
                                            a.asJsonObject().getString("canonicalEntity")
                                                    + "."
                                                    + a.asJsonObject()
                                                            .getString("canonicalField")));
            t.cases++;
            t.top1 += expected.contains(ranked.get(0)) ? 1 : 0;
            t.top3 += ranked.stream().limit(3).anyMatch(expected::contains) ? 1 : 0;
        }
        return t;
    }

    private static JsonObject propose(
            String base, String token, String strategy, JsonObject c, Tally t) throws Exception {
        var request =
                Json.createObjectBuilder()
                        .add("connector", connectorId(c.getString("connector")))
                        .add("sourceTable", c.getString("table"))
                        .add("sourceField", c.getString("field"))
                        .add("strategy", strategy);
        if (c.containsKey("samples")) {
            var samples = Json.createArrayBuilder();
            c.getJsonArray("samples")
                    .forEach(
                            s ->
                                    samples.add(
                                            s.getValueType() == JsonValue.ValueType.STRING
                                                    ? ((JsonString) s).getString()
                                                    : s.toString()));
            request.add("sampleValues", samples);
        }
        for (String key : new String[] {"description", "table_description", "type"}) {
            if (c.containsKey(key) && !c.isNull(key)) {
                request.add(
                        key.equals("table_description") ? "tableDescription" : key,
                        c.getString(key));
            }
        }
        long t0 = System.nanoTime();
        JsonObject proposal =
                parse(
                                send(
                                        base + "/dcl/intelligence/propose-mapping",
                                        token,
                                        "POST",
                                        request.build().toString()))
                        .asJsonObject();
        long took = System.nanoTime() - t0;
        t.latencies.add(took);
        t.nanos += took;
        return proposal;
    }

    private static String connectorId(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    /**
     * The other connectors' ground truth as ACTIVE mappings; waits until the semantic index has
     * them all.
     */
    private static void loadKnownMappings(String base, String token, List<JsonObject> known)
            throws Exception {
        JsonObject last = null;
        for (JsonObject c : known) {
            String expected = c.getString("expected");
            int dot = expected.indexOf('.');
            String body =
                    Json.createObjectBuilder()
                            .add("connector", connectorId(c.getString("connector")))
                            .add("sourceTable", c.getString("table"))
                            .add("sourceField", c.getString("field"))
                            .add("canonicalEntity", expected.substring(0, dot))
                            .add("canonicalField", expected.substring(dot + 1))
                            .build()
                            .toString();
            HttpResponse<String> created = raw(base + "/dcl/mappings", token, "POST", body);
            if (created.statusCode() == 201) {
                last = c;
            } else if (created.statusCode()
                    != 409) { // the same field twice in the ground truth: the first one stays
                throw new IllegalStateException(
                        "POST /dcl/mappings → " + created.statusCode() + " " + created.body());
            }
        }
        if (last == null) {
            return;
        }
        String own =
                base
                        + "/dcl/intelligence/rag-lookup/"
                        + connectorId(last.getString("connector"))
                        + "/"
                        + enc(last.getString("table"))
                        + "/"
                        + enc(last.getString("field"));
        for (int i = 0; i < 300 && raw(own, token, "GET", null).statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    private static String enc(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static void installSchema(String base, String token, JsonObject entities)
            throws Exception {
        JsonArray current =
                parse(send(base + "/dcl/canonical/entities", token, "GET", null)).asJsonArray();
        Set<String> wanted = new HashSet<>(entities.keySet());
        for (JsonValue entity : current) {
            String name = entity.asJsonObject().getString("name");
            if (!wanted.contains(name)) {
                send(base + "/dcl/canonical/entities/" + name, token, "DELETE", null);
            }
        }
        for (String name : entities.keySet()) {
            var fields = Json.createArrayBuilder();
            for (JsonValue f : entities.getJsonArray(name)) {
                JsonObject field = f.asJsonObject();
                var out = Json.createObjectBuilder().add("name", field.getString("name"));
                for (String key : Arrays.asList("type", "description")) {
                    if (field.containsKey(key) && !field.isNull(key)) {
                        out.add(key, field.getString(key));
                    }
                }
                fields.add(out);
            }
            send(
                    base + "/dcl/canonical/entities/" + name,
                    token,
                    "PUT",
                    Json.createObjectBuilder().add("fields", fields).build().toString());
        }
    }

    private static String send(String url, String token, String method, String json)
            throws Exception {
        HttpResponse<String> response = raw(url, token, method, json);
        if (response.statusCode() >= 400 && !"DELETE".equals(method)) {
            throw new IllegalStateException(
                    method + " " + url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> raw(String url, String token, String method, String json)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
