package dcl.registry.domain.slo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    private static final long MS = 1_000_000;

    @Test
    void givenDurationsAtAndAroundTheBounds_whenBucketed_thenEachBoundBelongsToItsOwnBucket() {
        assertEquals(0, LatencyHistogram.bucketOf(0));
        assertEquals(0, LatencyHistogram.bucketOf(5 * MS), "5 ms is within le=5, as in Prometheus");
        assertEquals(1, LatencyHistogram.bucketOf(5 * MS + 1), "just over 5 ms");
        assertEquals(1, LatencyHistogram.bucketOf(10 * MS));
        assertEquals(2, LatencyHistogram.bucketOf(10 * MS + 1));
        assertEquals(3, LatencyHistogram.bucketOf(50 * MS), "a 50 ms lookup meets the SLO");
        assertEquals(4, LatencyHistogram.bucketOf(50 * MS + 1));
        assertEquals(9, LatencyHistogram.bucketOf(5_000 * MS));
        assertEquals(10, LatencyHistogram.bucketOf(5_000 * MS + 1), "the open last bucket");
        assertEquals(10, LatencyHistogram.bucketOf(Long.MAX_VALUE));
        assertEquals(11, LatencyHistogram.BUCKETS);
    }

    @Test
    void givenCounts_whenAPercentileIsAsked_thenTheUpperBoundOfTheBucketHoldingItsRank() {
        // 95 lookups up to 5 ms, 4 in (50, 100] ms, 1 in (250, 500] ms
        LatencyHistogram h = LatencyHistogram.of(95, 0, 0, 0, 4, 0, 1, 0, 0, 0, 0);
        assertEquals(100, h.total());
        assertEquals(5, h.percentileMillis(0.95), "rank 95 is the last of the fast ones");
        assertEquals(100, h.percentileMillis(0.96));
        assertEquals(100, h.percentileMillis(0.99));
        assertEquals(500, h.percentileMillis(1.0));
        assertEquals(5, h.percentileMillis(0.5));
    }

    @Test
    void givenOnlyTheOpenBucketOrNothing_whenAPercentileIsAsked_thenTwiceTheLargestBoundOrZero() {
        assertEquals(
                10_000,
                LatencyHistogram.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3).percentileMillis(0.95));
        assertEquals(0, LatencyHistogram.empty().percentileMillis(0.95));
    }

    @Test
    void givenTwoHistograms_whenAdded_thenEachBucketIsTheSumAndNeitherChanges() {
        LatencyHistogram a = LatencyHistogram.of(1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 7);
        LatencyHistogram b = LatencyHistogram.of(10, 0, 1, 0, 0, 0, 0, 0, 0, 4, 1);
        LatencyHistogram sum = a.plus(b);
        assertArrayEquals(new long[] {11, 2, 4, 0, 0, 0, 0, 0, 0, 4, 8}, sum.counts());
        assertEquals(29, sum.total());
        assertEquals(LatencyHistogram.of(1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 7), a);
        assertEquals(a, a.plus(LatencyHistogram.empty()));
    }

    @Test
    void givenAHistogram_whenItsCountsOrItsSourceAreChanged_thenItStaysAsItWas() {
        long[] source = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        LatencyHistogram h = LatencyHistogram.of(source);
        source[0] = 99;
        h.counts()[0] = 42;
        assertEquals(1, h.total());
    }

    @Test
    void givenTheWrongNumberOfBuckets_whenBuilt_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.of(1, 2, 3));
    }
}
