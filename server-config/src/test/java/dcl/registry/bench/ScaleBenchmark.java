package dcl.registry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The registry at scale: 1,000,000 mappings across 1,000 tenants, loaded through the import path
 * (legacy YAML in each tenant's jobs folder, one {@code yaml-import} job per tenant), with lookup
 * latency and the server's heap measured before and after, the cache's bound checked at that size
 * and the memory per 100,000 mappings of the lookup cache and of the semantic index stated.
 *
 * <p>Steps: (1) heap floor of the server as it is; (2) the first tenant imported, a warm-up on half
 * of its keys, then its lookups measured uncached (each key's first read of the other half) and
 * cached, sequentially and with {@code scale.clients} concurrent clients, heap floor again; (3) the
 * other tenants imported, {@code scale.parallel} jobs at a time, progress every 30 s; (4) wait
 * until the semantic index (which embeds every imported mapping in the background) holds them all,
 * heap floor: the growth over step 2 is the index (plus the rows' other in-memory traces); (5)
 * uncached lookups of {@code scale.uncached} distinct keys spread over all tenants, more than the
 * cache holds, so its bound is exercised, then {@code dcl_cache_entries} against the bound; heap
 * floor: the growth over step 4 per cached entry is the cache's price; (6) cached lookups over the
 * most recently read keys, with the hit ratio from {@code /metrics}.
 *
 * <p>The heap floor is the heap used right after a full collection: {@code jcmd <pid> GC.run}, then
 * {@code GC.heap_info}, on the server's JVM (its pid from Liberty's {@code .pid} file), which this
 * benchmark can do because it runs on the same machine as the user that started the server. No
 * endpoint of the service forces a collection, and {@code /metrics} only shows the heap as it is.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-scale} with the service running (run
 * command). Settings: {@code scale.url} (http://localhost:9080), {@code scale.tenants} (1000),
 * {@code scale.perTenant} (1000, at most 5000), {@code scale.parallel} (4 import jobs at once),
 * {@code scale.clients} (50 concurrent lookup clients), {@code scale.uncached} (250000 distinct
 * keys), {@code scale.cached} (100000 requests), {@code scale.cache.max-entries} (the server's
 * {@code dcl.cache.max-entries}, 200000 by default), {@code scale.index.wait.minutes} (40), {@code
 * scale.warmup.seconds} (30), {@code bench.jobs.root}, {@code bench.server.dir}, {@code bench.key}.
 */
public final class ScaleBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern IMPORTED = Pattern.compile("\"imported\":(\\d+)");
    private static final Pattern INDEX_SIZE =
            Pattern.compile("\"semantic-index\".*?\"mappings\":(\\d+)", Pattern.DOTALL);
    private static final Pattern INDEX_LOADED =
            Pattern.compile("\"semantic-index\".*?\"loaded\":(\\d+)", Pattern.DOTALL);
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final String FOLDER = "scale";
    private static final int FIELDS_PER_TABLE = 100;

    private final String base;
    private final String prefix;
    private final int tenants;
    private final int perTenant;
    private final DevToken tokens;
    private final Path jobsRoot;
    private final Path serverDir;
    private final String[] serviceTokens;

    private ScaleBenchmark(
            String base,
            String prefix,
            int tenants,
            int perTenant,
            DevToken tokens,
            Path jobsRoot,
            Path serverDir)
            throws Exception {
        this.base = base;
        this.prefix = prefix;
        this.tenants = tenants;
        this.perTenant = perTenant;
        this.tokens = tokens;
        this.jobsRoot = jobsRoot;
        this.serverDir = serverDir;
        this.serviceTokens = new String[tenants];
        for (int t = 0; t < tenants; t++) {
            serviceTokens[t] = tokens.mint(tenant(t), "scale-aam", "service");
        }
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("scale.url", "http://localhost:9080");
        int tenants = Integer.getInteger("scale.tenants", 1000);
        int perTenant = Integer.getInteger("scale.perTenant", 1000);
        if (perTenant > 5000 || perTenant < FIELDS_PER_TABLE) {
            throw new IllegalArgumentException("scale.perTenant must be 100..5000");
        }
        int parallel = Integer.getInteger("scale.parallel", 4);
        int clients = Integer.getInteger("scale.clients", 50);
        int uncached = Integer.getInteger("scale.uncached", 250_000);
        int cached = Integer.getInteger("scale.cached", 100_000);
        long bound = Long.getLong("scale.cache.max-entries", 200_000);
        int indexWaitMinutes = Integer.getInteger("scale.index.wait.minutes", 40);
        int warmupSeconds = Integer.getInteger("scale.warmup.seconds", 30);
        Path jobsRoot =
                Path.of(
                        System.getProperty(
                                "bench.jobs.root", "target/liberty/wlp/usr/servers/dcl/jobs"));
        Path serverDir =
                Path.of(
                        System.getProperty(
                                "bench.server.dir", "target/liberty/wlp/usr/servers/dcl"));
        DevToken tokens =
                new DevToken(
                        Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
        String prefix =
                System.getProperty(
                        "scale.prefix",
                        "scale-" + UUID.randomUUID().toString().substring(0, 6) + "-");
        // false: measure tenants an earlier run imported (scale.prefix) without importing again
        boolean doImport = Boolean.parseBoolean(System.getProperty("scale.import", "true"));

        ScaleBenchmark bench =
                new ScaleBenchmark(base, prefix, tenants, perTenant, tokens, jobsRoot, serverDir);
        long total = (long) tenants * perTenant;
        System.out.printf(
                Locale.ROOT,
                "target %s, %d tenants (%s0000..) x %d mappings = %,d; server pid %d%n",
                base,
                tenants,
                prefix,
                perTenant,
                total,
                bench.serverPid());
        long indexAtStart = bench.indexSize();
        long h0 = bench.heapFloor("start (server as it is)");

        long h1 = -1;
        long indexAtH1 = 0;
        long entriesBefore = 0;
        if (doImport) {
            // (2) one tenant: the "before" figures, after a warm-up on the upper half of its keys
            bench.importTenants(0, 1, 1);
            bench.awaitIndex(indexAtStart + perTenant, indexWaitMinutes);
            int half = perTenant / 2;
            int quarter = perTenant / 4;
            bench.warmUp(warmupSeconds, clients, i -> bench.key(0, half + i % (perTenant - half)));
            bench.phase("before: uncached, sequential", 1, quarter, i -> bench.key(0, i));
            bench.phase(
                    "before: uncached, " + clients + " clients",
                    clients,
                    quarter,
                    i -> bench.key(0, quarter + i));
            bench.phase(
                    "before: cached, sequential",
                    1,
                    5_000,
                    i -> bench.key(0, ThreadLocalRandom.current().nextInt(perTenant)));
            bench.phase(
                    "before: cached, " + clients + " clients",
                    clients,
                    Math.min(cached, 20_000),
                    i -> bench.key(0, ThreadLocalRandom.current().nextInt(perTenant)));
            h1 = bench.heapFloor("before (1 tenant, " + perTenant + " mappings)");
            indexAtH1 = bench.indexSize();
            entriesBefore = bench.cacheEntries();

            // (3) the other tenants through the import path
            bench.importTenants(1, tenants, parallel);
        }
        // (4) the semantic index follows every write in the background
        bench.awaitIndex(indexAtStart + total, indexWaitMinutes);
        long indexAtH2 = bench.indexSize();
        long h2 =
                bench.heapFloor(
                        "after the import (" + total + " mappings, " + indexAtH2 + " indexed)");
        System.out.printf(
                Locale.ROOT, "lookups cache entries before the reads: %d%n", bench.cacheEntries());
        bench.histogram("after the import");
        long entriesAfterImport = bench.cacheEntries();

        // (5) uncached lookups over all tenants, more distinct keys than the cache holds
        int distinct = (int) Math.min(uncached, total - perTenant);
        int sequential = Math.min(5_000, distinct / 10);
        bench.phase("after: uncached, sequential", 1, sequential, bench::spread);
        bench.phase(
                "after: uncached, " + (tenants - 1) + " tenants, " + clients + " clients",
                clients,
                distinct - sequential,
                i -> bench.spread(sequential + i));
        long entries = bench.cacheEntries();
        long h3 = bench.heapFloor("after uncached lookups (cache filled)");
        bench.histogram("cache filled");
        System.out.printf(
                Locale.ROOT,
                "cache bound: dcl.cache.max-entries=%d; lookups cache entries %d after %,d distinct"
                        + " keys were read: %s%n",
                bound,
                entries,
                distinct,
                entries <= bound ? "the bound holds" : "BOUND EXCEEDED");

        // (6) cached lookups over the last keys read (fewer than the bound)
        int recent = (int) Math.min(Math.min(bound / 2, 100_000), distinct);
        IntFunction<Lookup> recentKeys =
                i -> bench.spread(distinct - 1 - ThreadLocalRandom.current().nextInt(recent));
        bench.phase("after: cached, sequential", 1, 5_000, recentKeys);
        bench.phase(
                "after: cached, " + (tenants - 1) + " tenants, " + clients + " clients",
                clients,
                cached,
                recentKeys);

        long indexed = indexAtH2 - indexAtH1;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "heap floor: start %s, 1 tenant %s, %,d mappings (%,d indexed) %s, cache filled %s%n",
                mb(h0),
                h1 > 0 ? mb(h1) : "(not measured in this run)",
                total,
                indexAtH2,
                mb(h2),
                mb(h3));
        if (h1 > 0 && indexed > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "semantic index (and the rows' other traces): %s for %,d more indexed mappings"
                            + " = %s per 100,000%n",
                    mb(h2 - h1),
                    indexed,
                    mb((h2 - h1) * 100_000 / indexed));
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "semantic index: %,d mappings indexed at the heap floor of %s%n",
                    indexAtH2,
                    mb(h2));
        }
        long cachedNew = Math.max(1, entries - Math.max(entriesBefore, entriesAfterImport));
        System.out.printf(
                Locale.ROOT,
                "lookup cache: %s for %,d more entries = %s per 100,000 entries; bounded at %,d"
                        + " entries = %s at most%n",
                mb(h3 - h2),
                cachedNew,
                mb((h3 - h2) * 100_000 / cachedNew),
                bound,
                mb((h3 - h2) * bound / cachedNew));
        bench.cleanUp();
    }

    private String tenant(int t) {
        return prefix + String.format(Locale.ROOT, "%04d", t);
    }

    /** The lookup path of field {@code i} of tenant {@code t}'s generated file. */
    private Lookup key(int t, int i) {
        return new Lookup(
                t,
                "/dcl/mappings/bench0/table" + (i / FIELDS_PER_TABLE) + "/Field" + i,
                serviceTokens[t]);
    }

    /**
     * The n-th key of a walk over every tenant but the first, each key once: consecutive keys fall
     * in different tenants and far-apart fields, so reads spread over the whole data set.
     */
    private Lookup spread(int n) {
        int others = tenants - 1;
        int t = 1 + n % others;
        int round = n / others;
        // 7919 is prime and perTenant a multiple of 100 at most 5000: a permutation of the fields
        int field = (int) ((round * 7919L + t) % perTenant);
        return key(t, field);
    }

    private record Lookup(int tenant, String path, String token) {}

    private void importTenants(int from, int to, int parallel) throws Exception {
        long start = System.nanoTime();
        for (int t = from; t < to; t++) {
            LegacyJobsBenchmark.generate(jobsRoot.resolve(tenant(t)).resolve(FOLDER), perTenant);
        }
        System.out.printf(
                Locale.ROOT,
                "wrote %d YAML files (%d mappings each) into the tenants' jobs folders in %.1f s%n",
                to - from,
                perTenant,
                (System.nanoTime() - start) / 1e9);
        long importStart = System.nanoTime();
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong imported = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < parallel; w++) {
            workers.add(
                    pool.submit(
                            () -> {
                                for (int t = next.getAndIncrement();
                                        t < to;
                                        t = next.getAndIncrement()) {
                                    long n = importOne(t);
                                    if (n < 0) {
                                        failed.incrementAndGet();
                                    } else {
                                        imported.addAndGet(n);
                                    }
                                    done.incrementAndGet();
                                }
                                return null;
                            }));
        }
        pool.shutdown();
        long lastReport = System.nanoTime();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                double seconds = (lastReport - importStart) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "  import progress: %d/%d tenants, %,d mappings, %.0f s, %.0f mappings/s,"
                                + " index %,d, failed jobs %d%n",
                        done.get(),
                        to - from,
                        imported.get(),
                        seconds,
                        imported.get() / seconds,
                        indexSize(),
                        failed.get());
            }
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - importStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "yaml-import: %d tenants, %,d mappings imported, %d failed jobs, wall %.1f s, %.0f"
                        + " mappings/s%n",
                to - from,
                imported.get(),
                failed.get(),
                seconds,
                imported.get() / seconds);
    }

    /** Imports one tenant's folder; the number imported, or -1 when the job did not complete. */
    private long importOne(int t) throws Exception {
        String admin = tokens.mint(tenant(t), "scale-admin", "admin");
        String started =
                send(base + "/dcl/jobs/yaml-import", admin, "{\"path\":\"" + FOLDER + "\"}").body();
        String id = started.replaceAll("\\D+", "");
        if (id.isEmpty()) {
            System.out.println("  " + tenant(t) + ": job not started: " + started);
            return -1;
        }
        while (true) {
            Thread.sleep(200);
            String body = send(base + "/dcl/jobs/" + id, admin, null).body();
            Matcher m = STATUS.matcher(body);
            String status = m.find() ? m.group(1) : "?";
            if (status.equals("COMPLETED")) {
                Matcher n = IMPORTED.matcher(body);
                return n.find() ? Long.parseLong(n.group(1)) : 0;
            }
            if (status.equals("FAILED") || status.equals("STOPPED") || status.equals("ABANDONED")) {
                System.out.println("  " + tenant(t) + ": " + status + " " + body);
                return -1;
            }
        }
    }

    private void awaitIndex(long expected, int minutes) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
        long last = 0;
        long size = indexSize();
        while (size < expected && System.nanoTime() < deadline) {
            if (System.nanoTime() - last > 30_000_000_000L) {
                last = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "  semantic index: %,d of %,d mappings (%.0f s waited)%n",
                        size,
                        expected,
                        (last - start) / 1e9);
            }
            Thread.sleep(2000);
            size = indexSize();
        }
        System.out.printf(
                Locale.ROOT,
                "semantic index holds %,d mappings (%s %,d) after %.1f s of waiting%n",
                size,
                size >= expected ? "reached" : "NOT reached",
                expected,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The vectors the semantic index holds, from the readiness check: its size, or while it is
     * (re)building after a start, the vectors loaded so far; -1 when unreadable.
     */
    private long indexSize() {
        try {
            String health = send(base + "/health/ready", null, null).body();
            Matcher size = INDEX_SIZE.matcher(health);
            Matcher loaded = INDEX_LOADED.matcher(health);
            long mappings = size.find() ? Long.parseLong(size.group(1)) : -1;
            return Math.max(mappings, loaded.find() ? Long.parseLong(loaded.group(1)) : -1);
        } catch (Exception e) {
            return -1;
        }
    }

    private void warmUp(int seconds, int clients, IntFunction<Lookup> keys) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(
                    pool.submit(
                            () -> {
                                while (System.nanoTime() < end) {
                                    status(keys.apply(next.getAndIncrement()));
                                }
                                return null;
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d s, %d lookups with %d clients (discarded)%n",
                seconds,
                next.get(),
                clients);
    }

    private void phase(String label, int clients, int requests, IntFunction<Lookup> keys)
            throws Exception {
        long[] cacheBefore = cacheCounters();
        Histogram latencies = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
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
                                    Lookup key = keys.apply(i);
                                    long t0 = System.nanoTime();
                                    int status = status(key);
                                    latencies.recordValue(
                                            Math.min(
                                                    latencies.getHighestTrackableValue(),
                                                    (System.nanoTime() - t0) / 1000));
                                    if (status != 200) {
                                        errors.incrementAndGet();
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] cacheAfter = cacheCounters();
        long hits = cacheAfter[0] - cacheBefore[0];
        long misses = cacheAfter[1] - cacheBefore[1];
        System.out.printf(
                Locale.ROOT,
                "%-46s requests=%d  %.0f req/s  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms"
                        + "  errors=%d  cache hits %.1f %%%n",
                label,
                requests,
                requests / seconds,
                latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getValueAtPercentile(95) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0,
                latencies.getMaxValue() / 1000.0,
                errors.get(),
                hits + misses == 0 ? 0.0 : 100.0 * hits / (hits + misses));
    }

    private int status(Lookup key) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + key.path()))
                                    .header("Authorization", "Bearer " + key.token())
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String metrics() {
        try {
            return send(base + "/metrics?scope=application", null, null).body();
        } catch (Exception e) {
            return "";
        }
    }

    /** Lookup-cache hits and misses so far. */
    private long[] cacheCounters() {
        String text = metrics();
        return new long[] {
            sum(text, "dcl_cache_hits_total{cache=\"lookups\""),
            sum(text, "dcl_cache_misses_total{cache=\"lookups\"")
        };
    }

    private long cacheEntries() {
        return sum(metrics(), "dcl_cache_entries{cache=\"lookups\"");
    }

    private static long sum(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long serverPid() throws IOException {
        Path pidFile =
                serverDir.getParent().resolve(".pid").resolve(serverDir.getFileName() + ".pid");
        if (Files.isReadable(pidFile)) {
            return Long.parseLong(Files.readString(pidFile).strip());
        }
        Optional<ProcessHandle> liberty =
                ProcessHandle.allProcesses()
                        .filter(
                                p ->
                                        p.info()
                                                .commandLine()
                                                .filter(c -> c.contains("ws-server.jar"))
                                                .isPresent())
                        .findFirst();
        return liberty.map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no Liberty server found"));
    }

    /** Heap used right after a full collection of the server's JVM, in bytes. */
    private long heapFloor(String label) throws Exception {
        long pid = serverPid();
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        long bytes = m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        System.out.printf(Locale.ROOT, "heap floor, %-50s %s%n", label + ":", mb(bytes));
        return bytes;
    }

    /** The classes of the registry, the cache and the index that hold most of the heap. */
    private void histogram(String label) throws Exception {
        String all = jcmd(serverPid(), "GC.class_histogram");
        List<String> rows =
                all.lines().filter(l -> l.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+.*")).toList();
        System.out.println(
                "class histogram, " + label + " (top 8, then registry and cache classes):");
        Stream.concat(
                        rows.stream().limit(8),
                        rows.stream()
                                .skip(8)
                                .filter(
                                        l ->
                                                l.contains("dcl.registry")
                                                        || l.contains("infinispan.container"))
                                .limit(8))
                .forEach(l -> System.out.println("  " + l.strip()));
        all.lines().filter(l -> l.startsWith("Total")).forEach(l -> System.out.println("  " + l));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process =
                new ProcessBuilder("jcmd", Long.toString(pid), command)
                        .redirectErrorStream(true)
                        .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private void cleanUp() throws IOException {
        for (int t = 0; t < tenants; t++) {
            Path folder = jobsRoot.resolve(tenant(t));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
        System.out.println("removed the generated YAML files");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static HttpResponse<String> send(String url, String token, String json)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
