package dcl.registry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the load test and the soak read from the service's {@code /metrics} (Prometheus text,
 * MicroProfile Metrics 5): the lookup cache's hit and miss counters, the heap in use and the JVM's
 * accumulated garbage-collection time. One reading is one snapshot; differences between two give
 * a stage's or a minute's figures.
 */
record ServerMetrics(long cacheHits, long cacheMisses, double heapUsedBytes, double gcSeconds) {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The cache counters and the JVM figures; zeros where the service did not answer. */
    static ServerMetrics read(String base) {
        String application = fetch(base, "application");
        String jvm = fetch(base, "base");
        return new ServerMetrics(
                (long) sum(application, "dcl_cache_hits_total{cache=\"lookups\""),
                (long) sum(application, "dcl_cache_misses_total{cache=\"lookups\""),
                sum(jvm, "memory_usedHeap_bytes"),
                sum(jvm, "gc_time_seconds{"));
    }

    /** Only the JVM figures (heap, GC time): what the soak samples every few seconds. */
    static ServerMetrics readJvm(String base) {
        String jvm = fetch(base, "base");
        return new ServerMetrics(
                0, 0, sum(jvm, "memory_usedHeap_bytes"), sum(jvm, "gc_time_seconds{"));
    }

    boolean answered() {
        return heapUsedBytes > 0;
    }

    private static String fetch(String base, String scope) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics?scope=" + scope))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "";
        }
    }

    /**
     * The sum of the values of the lines whose name starts with {@code prefix}, with or without
     * MicroProfile Metrics' older {@code base_} prefix.
     */
    private static double sum(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix) || l.startsWith("base_" + prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
