package dcl.registry.domain.slo;

import java.util.Arrays;

/**
 * Lookup durations counted in fixed buckets, the same on every node so that nodes' histograms add
 * up; a percentile is read as the upper bound of the bucket it falls in (what Prometheus' {@code
 * histogram_quantile} would say, without interpolation).
 */
public final class LatencyHistogram {
    /** Upper bounds in milliseconds; the last bucket holds everything slower. */
    private static final long[] BOUNDS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    /** How many buckets a histogram has: one per bound, and the open one. */
    public static final int BUCKETS = BOUNDS_MILLIS.length + 1;

    private final long[] counts;

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    public static LatencyHistogram empty() {
        return new LatencyHistogram(new long[BUCKETS]);
    }

    /**
     * @param counts one count per bucket ({@link #BUCKETS}), the slowest last
     */
    public static LatencyHistogram of(long... counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a latency histogram has " + BUCKETS + " buckets");
        }
        return new LatencyHistogram(counts.clone());
    }

    /**
     * The bucket a duration falls in: bounds are inclusive, as Prometheus' {@code le}, so a lookup
     * of exactly 50 ms is within the 50 ms bucket, as it is within the latency SLO.
     */
    public static int bucketOf(long nanos) {
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            if (nanos <= BOUNDS_MILLIS[i] * 1_000_000) {
                return i;
            }
        }
        return BOUNDS_MILLIS.length;
    }

    public long[] counts() {
        return counts.clone();
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public LatencyHistogram plus(LatencyHistogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new LatencyHistogram(sum);
    }

    /** These counts without {@code part}'s, which they contain. */
    public LatencyHistogram minus(LatencyHistogram part) {
        long[] rest = counts.clone();
        for (int i = 0; i < rest.length; i++) {
            rest[i] -= part.counts[i];
            if (rest[i] < 0) {
                throw new IllegalArgumentException("a part larger than the whole");
            }
        }
        return new LatencyHistogram(rest);
    }

    /**
     * The upper bound (ms) of the bucket holding the {@code quantile}; the largest bound doubled
     * for the open last bucket; 0 without data.
     */
    public long percentileMillis(double quantile) {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return BOUNDS_MILLIS[i];
            }
        }
        return 2 * BOUNDS_MILLIS[BOUNDS_MILLIS.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
