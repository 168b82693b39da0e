package dcl.registry.domain.slo;

/**
 * What the SLOs are judged on, counted by a node in one time bucket or summed over a window: the
 * runtime's reads (lookups, table sets, list and search) and how many failed on the server's side,
 * lookups that took longer than the latency threshold and their durations, cache hits and misses,
 * dual-read comparisons and mismatches.
 */
public record SloCounts(
        long reads,
        long failedReads,
        long lookups,
        long slowLookups,
        LatencyHistogram lookupLatency,
        long cacheHits,
        long cacheMisses,
        long dualReads,
        long dualReadMismatches) {
    public SloCounts {
        if (reads < 0
                || failedReads < 0
                || failedReads > reads
                || lookups < 0
                || slowLookups < 0
                || slowLookups > lookups
                || cacheHits < 0
                || cacheMisses < 0
                || dualReads < 0
                || dualReadMismatches < 0) {
            throw new IllegalArgumentException("SLO counts are not negative and parts fit wholes");
        }
    }

    public static SloCounts none() {
        return new SloCounts(0, 0, 0, 0, LatencyHistogram.empty(), 0, 0, 0, 0);
    }

    public SloCounts plus(SloCounts o) {
        return new SloCounts(
                reads + o.reads,
                failedReads + o.failedReads,
                lookups + o.lookups,
                slowLookups + o.slowLookups,
                lookupLatency.plus(o.lookupLatency),
                cacheHits + o.cacheHits,
                cacheMisses + o.cacheMisses,
                dualReads + o.dualReads,
                dualReadMismatches + o.dualReadMismatches);
    }

    /** These counts without {@code part}'s (one tenant's, of the fleet's). */
    public SloCounts minus(SloCounts part) {
        return new SloCounts(
                reads - part.reads,
                failedReads - part.failedReads,
                lookups - part.lookups,
                slowLookups - part.slowLookups,
                lookupLatency.minus(part.lookupLatency),
                cacheHits - part.cacheHits,
                cacheMisses - part.cacheMisses,
                dualReads - part.dualReads,
                dualReadMismatches - part.dualReadMismatches);
    }

    public boolean isEmpty() {
        return equals(none());
    }

    /** Share of reads that failed on the server's side; 0 without reads. */
    public double errorRate() {
        return reads == 0 ? 0 : (double) failedReads / reads;
    }

    /** Share of lookups slower than the threshold; 0 without lookups. */
    public double slowRate() {
        return lookups == 0 ? 0 : (double) slowLookups / lookups;
    }

    /** Share of cache reads that hit; 1 without cache reads (nothing missed). */
    public double cacheHitRatio() {
        long all = cacheHits + cacheMisses;
        return all == 0 ? 1 : (double) cacheHits / all;
    }

    public long p95Millis() {
        return lookupLatency.percentileMillis(0.95);
    }
}
