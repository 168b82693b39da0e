package dcl.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates 100,000 legacy mappings as YAML under a running service's jobs root, imports them with
 * the yaml-import job and checks them with parity-check, printing wall time and mappings per
 * second.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-legacy} with the service running (run
 * command). Settings: {@code bench.url} (http://localhost:9080), {@code bench.mappings} (100000),
 * {@code bench.jobs.root} (the dev server's jobs folder; each tenant reads from its own folder in
 * it).
 */
public final class LegacyJobsBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NUMBER = Pattern.compile("\"%s\":(\\d+)");

    private LegacyJobsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        int mappings = Integer.getInteger("bench.mappings", 100_000);
        Path root =
                Path.of(
                        System.getProperty(
                                "bench.jobs.root", "target/liberty/wlp/usr/servers/dcl/jobs"));
        String tenant = "legacy-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token =
                new DevToken(
                                Path.of(
                                        System.getProperty(
                                                "bench.key", "../bin/dev-keys/private.pem")))
                        .mint(tenant, "bench", "admin");

        String folder = "bench/" + tenant;
        long t0 = System.nanoTime();
        int files = generate(root.resolve(tenant).resolve(folder), mappings);
        System.out.printf(
                Locale.ROOT,
                "generated %d mappings in %d files in %.1f s%n",
                mappings,
                files,
                (System.nanoTime() - t0) / 1e9);

        String imported = run(base, token, "yaml-import", folder, mappings);
        String parity = run(base, token, "parity-check", folder, mappings);
        System.out.println(
                "import report: " + summary(imported, "imported", "updated", "unchanged"));
        System.out.println("parity report: " + summary(parity, "compared", "mismatchCount"));
    }

    private static String run(String base, String token, String job, String folder, int mappings)
            throws Exception {
        long start = System.nanoTime();
        String started = send(base + "/dcl/jobs/" + job, token, "{\"path\":\"" + folder + "\"}");
        String id = started.replaceAll("\\D+", "");
        String status;
        String body;
        do {
            Thread.sleep(500);
            body = send(base + "/dcl/jobs/" + id, token, null);
            Matcher m = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(body);
            status = m.find() ? m.group(1) : "?";
        } while (!status.equals("COMPLETED")
                && !status.equals("FAILED")
                && !status.equals("STOPPED"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-13s %s: %d mappings, wall %.1f s, %.0f mappings/s%n",
                job,
                status,
                mappings,
                seconds,
                mappings / seconds);
        return body;
    }

    private static String summary(String body, String... counters) {
        StringBuilder out = new StringBuilder();
        for (String counter : counters) {
            Matcher m = Pattern.compile(String.format(NUMBER.pattern(), counter)).matcher(body);
            out.append(counter).append('=').append(m.find() ? m.group(1) : "?").append(' ');
        }
        return out.toString().strip();
    }

    static int generate(Path folder, int mappings) throws IOException {
        Files.createDirectories(folder);
        int perFile = 5_000;
        int files = 0;
        for (int start = 0; start < mappings; start += perFile) {
            StringBuilder yaml =
                    new StringBuilder("connector: bench" + files + "\nversion: 1\ntables:\n");
            int end = Math.min(mappings, start + perFile);
            for (int table = 0; table * 100 < end - start; table++) {
                yaml.append("  Table")
                        .append(table)
                        .append(":\n    entity: entity")
                        .append(table % 10)
                        .append("\n    fields:\n");
                for (int i = start + table * 100;
                        i < Math.min(end, start + (table + 1) * 100);
                        i++) {
                    if (i % 10 == 0) {
                        yaml.append("      Field")
                                .append(i)
                                .append(":\n        canonical: field_")
                                .append(i)
                                .append("\n        transform: {type: number}\n");
                    } else {
                        yaml.append("      Field")
                                .append(i)
                                .append(": field_")
                                .append(i)
                                .append('\n');
                    }
                }
            }
            Files.writeString(folder.resolve(String.format("bench%03d.yaml", files++)), yaml);
        }
        return files;
    }

    private static String send(String url, String token, String json) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
