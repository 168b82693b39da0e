package dcl.registry.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dcl.registry.bench.constant.ConstantApplication;
import dcl.registry.bench.constant.ConstantResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The authenticated, cached single lookup against a constant JSON endpoint of the same body, side
 * by side in one run on the running server (issue 13's yardstick): it deploys {@link
 * ConstantApplication} into the server's dropins (told through its local JMX connector), then
 * alternates wrk runs (same threads, connections and duration) on the constant (open and
 * authenticated), the lookup, and the same lookup sent the JAX-RS way (a query string passes the
 * fast path by), and prints each round, the medians and their ratios.
 *
 * <p>wrk (Debian's package {@code wrk}) is the load generator: small and native, it leaves the
 * cores to the server, as the measurement this reproduces did. Properties: {@code bench.url}
 * (http://localhost:9080), {@code bench.server.dir} (the Liberty server's folder), {@code
 * bench.rounds} (3), {@code bench.seconds} (15), {@code bench.connections} (32), {@code
 * bench.threads} (2), {@code bench.warmup.seconds} (20 for each way), {@code bench.key} (the
 * development private key).
 */
public final class LookupRatioBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile(
                    "^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private LookupRatioBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        Path server =
                Path.of(
                        System.getProperty(
                                "bench.server.dir", "target/liberty/wlp/usr/servers/dcl"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 15);
        int connections = Integer.getInteger("bench.connections", 32);
        int threads = Integer.getInteger("bench.threads", 2);
        int warmUp = Integer.getInteger("bench.warmup.seconds", 20);
        DevToken tokens =
                new DevToken(
                        Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
        requireWrk();

        String tenant = "bench-ratio-" + Instant.now().getEpochSecond();
        String admin = tokens.mint(tenant, "bench-admin", "admin");
        String runtime = tokens.mint(tenant, "aam", "service");
        String lookup = base + "/dcl/mappings/salesforce/Opportunity/Amount";
        // a query string sends the same lookup past the fast path, the JAX-RS way
        String lookupViaJaxRs = lookup + "?via=jax-rs";
        send(
                "POST",
                base + "/dcl/mappings",
                admin,
                "{\"connector\":\"salesforce\",\"sourceTable\":\"Opportunity\","
                        + "\"sourceField\":\"Amount\",\"canonicalEntity\":\"opportunity\","
                        + "\"canonicalField\":\"amount\",\"confidence\":0.9}",
                201);
        byte[] body = send("GET", lookup, runtime, null, 200).getBytes(UTF_8);

        Path war = server.resolve("dropins").resolve("bench-constant.war");
        ShrinkWrap.create(WebArchive.class, "bench-constant.war")
                .addClasses(ConstantApplication.class, ConstantResource.class)
                .addAsResource(new ByteArrayAsset(body), "constant.json")
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        tellServer(server, List.of(war.toString()), List.of());
        String constant = base + "/bench-constant/constant";
        try {
            awaitDeployed(constant, null, body.length);
            awaitDeployed(base + "/bench-constant/authenticated", runtime, body.length);
            System.out.printf(
                    Locale.ROOT,
                    "constant %s (open and authenticated) and lookup %s: %d-byte bodies; wrk"
                            + " -t%d -c%d -d%ds, %d rounds, alternating%n",
                    constant,
                    lookup,
                    body.length,
                    threads,
                    connections,
                    seconds,
                    rounds);
            String auth = "Authorization: Bearer " + runtime;
            String authenticated = base + "/bench-constant/authenticated";
            // warm-up, not counted: the JIT compiles each way before it is measured
            wrk(constant, null, threads, connections, warmUp);
            wrk(authenticated, auth, threads, connections, warmUp);
            wrk(lookup, auth, threads, connections, warmUp);
            wrk(lookupViaJaxRs, auth, threads, connections, warmUp);
            List<Double> open = new ArrayList<>();
            List<Double> guarded = new ArrayList<>();
            List<Double> lookups = new ArrayList<>();
            List<Double> viaJaxRs = new ArrayList<>();
            long failures = 0;
            for (int round = 1; round <= rounds; round++) {
                Run c = wrk(constant, null, threads, connections, seconds);
                Run a = wrk(authenticated, auth, threads, connections, seconds);
                Run l = wrk(lookup, auth, threads, connections, seconds);
                Run j = wrk(lookupViaJaxRs, auth, threads, connections, seconds);
                failures += c.errors() + a.errors() + l.errors() + j.errors();
                viaJaxRs.add(j.rate());
                open.add(c.rate());
                guarded.add(a.rate());
                lookups.add(l.rate());
                System.out.printf(Locale.ROOT, "round %d  constant, open           %s%n", round, c);
                System.out.printf(Locale.ROOT, "round %d  constant, authenticated  %s%n", round, a);
                System.out.printf(
                        Locale.ROOT,
                        "round %d  lookup, authenticated    %s  ratio %.2f%n",
                        round,
                        l,
                        l.rate() / a.rate());
                System.out.printf(
                        Locale.ROOT,
                        "round %d  lookup, the JAX-RS way   %s  ratio %.2f%n",
                        round,
                        j,
                        j.rate() / a.rate());
            }
            if (failures > 0) {
                throw new IllegalStateException(
                        failures + " answers were not 2xx/3xx: the figures above measure errors");
            }
            System.out.printf(
                    Locale.ROOT,
                    "median   constant open %.0f req/s, constant authenticated %.0f req/s, lookup"
                            + " %.0f req/s, lookup the JAX-RS way %.0f req/s%n",
                    median(open),
                    median(guarded),
                    median(lookups),
                    median(viaJaxRs));
            // each round measures the two side by side, so the median of the rounds' ratios is
            // the figure: the machine's speed drifts between rounds, not within one
            System.out.printf(
                    Locale.ROOT,
                    "lookup / authenticated constant = %.2f, median of the rounds' ratios (goal >="
                            + " 0.80; ratio of the medians %.2f); lookup / open constant = %.2f;"
                            + " authentication alone costs the constant %.0f %%%n",
                    median(ratios(lookups, guarded)),
                    median(lookups) / median(guarded),
                    median(lookups) / median(open),
                    100 * (1 - median(guarded) / median(open)));
            System.out.printf(
                    Locale.ROOT,
                    "lookup the JAX-RS way / authenticated constant = %.2f (median of the rounds'"
                            + " ratios): the fast path gives %.2f times the JAX-RS way's"
                            + " throughput%n",
                    median(ratios(viaJaxRs, guarded)),
                    median(lookups) / median(viaJaxRs));
        } finally {
            Files.deleteIfExists(war);
            tellServer(server, List.of(), List.of(war.toString()));
        }
    }

    /** One wrk run: throughput, median and p99 latency, and answers that were not 2xx/3xx. */
    record Run(double rate, String p50, String p99, long errors) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%8.0f req/s  p50 %-9s p99 %-9s non-2xx %d",
                    rate,
                    p50,
                    p99,
                    errors);
        }
    }

    private static Run wrk(String url, String header, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "wrk",
                                "--latency",
                                "-t" + threads,
                                "-c" + connections,
                                "-d" + seconds + "s"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalStateException("no throughput in wrk's output:\n" + out);
        }
        String p50 = "?";
        String p99 = "?";
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            String value = percentile.group(2) + " " + percentile.group(3);
            if (percentile.group(1).equals("50")) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        Matcher errors = ERRORS.matcher(out);
        return new Run(
                Double.parseDouble(rate.group(1)),
                p50,
                p99,
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static void requireWrk() throws InterruptedException {
        try {
            if (new ProcessBuilder("wrk", "--version").start().waitFor() <= 1) {
                return; // wrk --version exits 1 after printing its version
            }
        } catch (IOException notInstalled) {
            // said below
        }
        throw new IllegalStateException(
                "wrk is needed (Debian: apt-get install -y wrk): a native load generator, so the"
                        + " client does not take the server's cores");
    }

    /**
     * Tells the server of created and deleted files in dropins, through its local JMX connector:
     * its application monitor listens to that MBean rather than polling (as Arquillian deploys).
     */
    @SuppressWarnings("BanJNDI") // the address is the local server's own, from its state folder
    private static void tellServer(Path server, List<String> created, List<String> deleted)
            throws IOException, JMException {
        String address =
                Files.readString(server.resolve("logs/state/com.ibm.ws.jmx.local.address")).strip();
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            String collection = java.util.Collection.class.getName();
            connector
                    .getMBeanServerConnection()
                    .invoke(
                            new ObjectName(
                                    "WebSphere:service=com.ibm.ws.kernel.filemonitor.FileNotificationMBean"),
                            "notifyFileChanges",
                            new Object[] {created, List.of(), deleted},
                            new String[] {collection, collection, collection});
        }
    }

    private static void awaitDeployed(String url, String token, int length) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<byte[]> reply =
                        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (reply.statusCode() == 200 && reply.body().length == length) {
                    return;
                }
            } catch (IOException notYet) {
                // Liberty is still installing the WAR
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " was not deployed within 60 s (see messages.log)");
    }

    private static String send(String method, String url, String token, String json, int expect)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> reply =
                HTTP.send(
                        request.method(
                                        method,
                                        json == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expect) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return reply.body();
    }

    /** Each round's ratio of the two ways measured side by side in it. */
    private static List<Double> ratios(List<Double> measured, List<Double> yardstick) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < measured.size(); round++) {
            ratios.add(measured.get(round) / yardstick.get(round));
        }
        return ratios;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
