package dcl.registry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads 10,000 mappings into a fresh tenant of a running registry, then measures single lookups
 * over HTTP, uncached (each key's first read) and cached, sequential and with 100 concurrent
 * clients, and the seeds' repeated-lookup workload. Prints p50/p95/p99, throughput, errors and
 * cache hit ratios.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-lookups} against a service started in
 * development mode (it signs tokens with the development key). Settings by system property: {@code
 * bench.url} (http://localhost:9080), {@code bench.mappings} (10000), {@code bench.sequential}
 * (5000), {@code bench.concurrent.clients} (100), {@code bench.concurrent.requests} (50000), {@code
 * bench.warmup.seconds} (30), {@code bench.tenant} (a fresh one), {@code bench.load} (true; false
 * reuses the mappings of an existing {@code bench.tenant}, e.g. to measure the first reads after a
 * restart with and without cache warming).
 */
public final class LookupBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final String base;
    private final String adminToken;
    private final String serviceToken;
    private final int mappings;

    private LookupBenchmark(String base, String tenant, DevToken tokens, int mappings)
            throws Exception {
        this.base = base;
        this.adminToken = tokens.mint(tenant, "bench-admin", "admin");
        this.serviceToken = tokens.mint(tenant, "bench-aam", "service");
        this.mappings = mappings;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:9080");
        int mappings = Integer.getInteger("bench.mappings", 10_000);
        int sequential = Integer.getInteger("bench.sequential", 5_000);
        int clients = Integer.getInteger("bench.concurrent.clients", 100);
        int concurrentRequests = Integer.getInteger("bench.concurrent.requests", 50_000);
        int warmupSeconds = Integer.getInteger("bench.warmup.seconds", 30);
        Path keyFile = Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem"));
        String tenant =
                System.getProperty(
                        "bench.tenant", "bench-" + UUID.randomUUID().toString().substring(0, 8));
        boolean load = Boolean.parseBoolean(System.getProperty("bench.load", "true"));

        LookupBenchmark bench = new LookupBenchmark(base, tenant, new DevToken(keyFile), mappings);
        System.out.printf("target %s, tenant %s%n", base, tenant);
        if (load) {
            bench.load();
        }
        // Keys [0, half) are never read before their uncached phase; [half, all) are read in
        // warm-up.
        int half = mappings / 2;
        int quarter = mappings / 4;
        bench.warmUp(warmupSeconds, clients, half, mappings);
        double ratioBefore = bench.hitRatioCounters()[0];
        bench.report("uncached, sequential", bench.run(1, quarter, Keys.distinct(0)));
        bench.report(
                "uncached, " + clients + " clients",
                bench.run(clients, quarter, Keys.distinct(quarter)));
        long[] before = bench.hitCounters();
        bench.report("cached, sequential", bench.run(1, sequential, Keys.random(half, mappings)));
        bench.report(
                "cached, " + clients + " clients",
                bench.run(clients, concurrentRequests, Keys.random(half, mappings)));
        bench.printHitRatio("hit ratio, cached phases", before, bench.hitCounters());
        long[] seedBefore = bench.hitCounters();
        bench.report("seeds' repeated lookup", bench.run(1, 1001, Keys.same(half)));
        bench.printHitRatio(
                "hit ratio, seeds' repeated lookup (1 warm + 1000)",
                seedBefore,
                bench.hitCounters());
        bench.printHitRatio(
                "hit ratio, whole run incl. warm-up and uncached phases",
                new long[] {0, 0},
                bench.hitCounters());
        if (ratioBefore < 0) {
            System.out.println("(metrics not readable)");
        }
    }

    /** Which mapping each request of a phase looks up. */
    interface Keys {
        int next(int request);

        static Keys distinct(int from) {
            return request -> from + request;
        }

        static Keys random(int from, int to) {
            return request -> ThreadLocalRandom.current().nextInt(from, to);
        }

        static Keys same(int key) {
            return request -> key;
        }
    }

    /** Lookup hits and misses so far, from the service's /metrics. */
    private long[] hitCounters() {
        try {
            String text =
                    HTTP.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(base + "/metrics?scope=application"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            return new long[] {
                sum(text, "dcl_cache_hits_total{cache=\"lookups\""),
                sum(text, "dcl_cache_misses_total{cache=\"lookups\"")
            };
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private double[] hitRatioCounters() {
        long[] c = hitCounters();
        return new double[] {c[0] + c[1] == 0 ? -1 : c[0]};
    }

    private static long sum(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void printHitRatio(String label, long[] before, long[] after) {
        long hits = after[0] - before[0];
        long misses = after[1] - before[1];
        System.out.printf(
                Locale.ROOT,
                "%-50s %.1f %% (%d hits, %d misses)%n",
                label,
                hits + misses == 0 ? 0.0 : 100.0 * hits / (hits + misses),
                hits,
                misses);
    }

    private void load() throws Exception {
        long start = System.nanoTime();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < mappings; i++) {
            int n = i;
            done.add(
                    pool.submit(
                            () -> {
                                String body =
                                        String.format(
                                                Locale.ROOT,
                                                "{\"connector\":\"bench\",\"sourceTable\":\"Table%d\",\"sourceField\":\"Field%d\","
                                                        + "\"canonicalEntity\":\"entity%d\",\"canonicalField\":\"field%d\"}",
                                                n % 100,
                                                n,
                                                n % 10,
                                                n);
                                int status =
                                        send(
                                                HttpRequest.newBuilder(
                                                                URI.create(base + "/dcl/mappings"))
                                                        .header(
                                                                "Authorization",
                                                                "Bearer " + adminToken)
                                                        .header("Content-Type", "application/json")
                                                        .POST(
                                                                HttpRequest.BodyPublishers.ofString(
                                                                        body)));
                                if (status != 201) {
                                    errors.incrementAndGet();
                                }
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "loaded %d mappings in %.1f s (%.0f/s), %d errors%n",
                mappings,
                seconds,
                mappings / seconds,
                errors.get());
    }

    private void warmUp(int seconds, int clients, int from, int to) throws Exception {
        if (seconds <= 0) {
            return;
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(
                    pool.submit(
                            () -> {
                                while (System.nanoTime() < end) {
                                    lookUp(ThreadLocalRandom.current().nextInt(from, to));
                                }
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("warm-up: %d s with %d clients (discarded)%n", seconds, clients);
    }

    private Result run(int clients, int requests, Keys keys) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(
                    pool.submit(
                            () -> {
                                for (int i = next.getAndIncrement();
                                        i < requests;
                                        i = next.getAndIncrement()) {
                                    long t0 = System.nanoTime();
                                    int status = lookUp(keys.next(i));
                                    latencies[i] = System.nanoTime() - t0;
                                    if (status != 200) {
                                        errors.incrementAndGet();
                                    }
                                }
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(requests, seconds, latencies, errors.get());
    }

    private int lookUp(int n) {
        return send(
                HttpRequest.newBuilder(
                                URI.create(
                                        base
                                                + "/dcl/mappings/bench/table"
                                                + (n % 100)
                                                + "/Field"
                                                + n))
                        .header("Authorization", "Bearer " + serviceToken)
                        .GET());
    }

    private static int send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                            request.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void report(String label, Result r) {
        System.out.printf(
                Locale.ROOT,
                "%-28s requests=%d  throughput=%.0f req/s  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms "
                        + " max=%.2f ms  errors=%d%n",
                label,
                r.requests,
                r.requests / r.seconds,
                r.percentile(50),
                r.percentile(95),
                r.percentile(99),
                r.latencies[r.latencies.length - 1] / 1e6,
                r.errors);
    }

    private record Result(int requests, double seconds, long[] latencies, int errors) {
        double percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, index)] / 1e6;
        }
    }
}
