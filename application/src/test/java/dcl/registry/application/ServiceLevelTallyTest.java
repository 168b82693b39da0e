package dcl.registry.application;

import static dcl.registry.application.SloFakes.reads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.slo.LatencyHistogram;
import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceLevelTallyTest {
    private static final long MS = 1_000_000;
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration BUCKET = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final TenantId ACME = new TenantId("acme");

    private final SloFakes.MutableClock clock = new SloFakes.MutableClock(T0);
    private final SloFakes.Buckets buckets = new SloFakes.Buckets();
    private final ServiceLevelTally tally =
            new ServiceLevelTally("node-a", clock, BUCKET, Duration.ofMillis(50), WINDOW);

    private void countReads(int n) {
        for (int i = 0; i < n; i++) {
            tally.readAnswered(Optional.of(ACME), false, false, 0);
        }
    }

    @Test
    void givenReadsInTwoBuckets_whenFlushed_thenEachBucketHoldsExactlyItsCounts() {
        clock.set(T0.plusSeconds(1));
        tally.readAnswered(Optional.of(ACME), true, false, 3 * MS);
        tally.readAnswered(Optional.of(ACME), true, true, 50 * MS); // at the threshold: not slow
        tally.readAnswered(Optional.of(ACME), true, false, 51 * MS); // slow
        tally.readAnswered(
                Optional.of(ACME), false, true, 700 * MS); // not a lookup: no latency counted
        tally.cacheReads(ACME, 5, 2);
        tally.dualRead(RolloutSettings.initial(ACME), true);
        tally.dualRead(RolloutSettings.initial(ACME), false);
        clock.set(T0.plusMillis(9_999));
        tally.readAnswered(Optional.of(ACME), false, false, 0);
        clock.set(T0.plusSeconds(10));
        tally.readAnswered(Optional.of(ACME), true, false, 6_000 * MS);

        tally.flush(buckets);

        assertEquals(Set.of(T0, T0.plusSeconds(10)), buckets.byStart.keySet());
        assertEquals(
                new SloCounts(
                        5,
                        2,
                        3,
                        1,
                        LatencyHistogram.of(1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0),
                        5,
                        2,
                        2,
                        1),
                buckets.at(T0));
        assertEquals(
                new SloCounts(
                        1,
                        0,
                        1,
                        1,
                        LatencyHistogram.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                        0,
                        0,
                        0,
                        0),
                buckets.at(T0.plusSeconds(10)));
        assertEquals(List.of("node-a", "node-a"), buckets.nodes);
    }

    @Test
    void givenAFlush_whenFlushedAgainWithNothingNew_thenNothingIsAddedTwice() {
        countReads(3);
        tally.flush(buckets);
        tally.flush(buckets);
        assertEquals(1, buckets.addCalls);
        assertEquals(reads(3, 0), buckets.at(T0));
    }

    @Test
    void givenTheStoreIsDown_whenFlushed_thenTheCountsWaitForTheNextFlush() {
        countReads(3);
        buckets.down = true;
        assertThrows(StoreUnavailable.class, () -> tally.flush(buckets));
        assertEquals(0, buckets.byStart.size());

        countReads(2);
        buckets.down = false;
        tally.flush(buckets);
        assertEquals(reads(5, 0), buckets.at(T0), "the waiting counts and the new ones, once");
        tally.flush(buckets);
        assertEquals(reads(5, 0), buckets.at(T0));
    }

    @Test
    void givenTheStoreFailsHalfwayThroughAFlush_whenFlushedAgain_thenOnlyTheUnsentBucketIsAdded() {
        countReads(2);
        clock.advance(BUCKET);
        countReads(3);
        buckets.failOnAddCall = 2;
        assertThrows(StoreUnavailable.class, () -> tally.flush(buckets));
        assertEquals(1, buckets.byStart.size(), "one bucket was stored before the failure");

        tally.flush(buckets);
        assertEquals(reads(2, 0), buckets.at(T0));
        assertEquals(reads(3, 0), buckets.at(T0.plus(BUCKET)));
        tally.flush(buckets);
        assertEquals(reads(2, 0), buckets.at(T0));
        assertEquals(reads(3, 0), buckets.at(T0.plus(BUCKET)));
    }

    @Test
    void givenCountsOlderThanTheWindow_whenAFailedFlushPutsThemBack_thenTheyAreDropped() {
        countReads(4);
        clock.advance(WINDOW.plus(BUCKET));
        countReads(1);
        buckets.down = true;
        assertThrows(StoreUnavailable.class, () -> tally.flush(buckets));

        buckets.down = false;
        tally.flush(buckets);
        assertEquals(Set.of(T0.plus(WINDOW).plus(BUCKET)), buckets.byStart.keySet());
        assertEquals(reads(1, 0), buckets.at(T0.plus(WINDOW).plus(BUCKET)));
    }

    @Test
    void givenCountsJustInsideTheWindow_whenAFailedFlushPutsThemBack_thenTheyAreKept() {
        countReads(4);
        clock.advance(WINDOW);
        buckets.down = true;
        assertThrows(StoreUnavailable.class, () -> tally.flush(buckets));

        buckets.down = false;
        tally.flush(buckets);
        assertEquals(reads(4, 0), buckets.at(T0));
    }

    @Test
    void givenTwoTenantsAndReadsOfNone_whenFlushed_thenEachIsCountedApartInTheSameBucket() {
        TenantId globex = new TenantId("globex");
        tally.readAnswered(Optional.of(ACME), true, false, 3 * MS);
        tally.readAnswered(Optional.of(globex), false, true, 0);
        tally.readAnswered(Optional.empty(), false, false, 0);
        tally.cacheReads(globex, 0, 4);

        tally.flush(buckets);

        assertEquals(
                new SloCounts(
                        1,
                        0,
                        1,
                        0,
                        LatencyHistogram.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        0,
                        0,
                        0,
                        0),
                buckets.at(T0, "acme"));
        assertEquals(
                new SloCounts(1, 1, 0, 0, LatencyHistogram.empty(), 0, 4, 0, 0),
                buckets.at(T0, "globex"));
        assertEquals(reads(1, 0), buckets.at(T0, TenantSloCounts.NO_TENANT));
        assertEquals(
                Map.of("acme", 1L, "globex", 1L, "", 1L),
                Map.of(
                        "acme", buckets.since(T0).of("acme").reads(),
                        "globex", buckets.since(T0).of("globex").reads(),
                        "", buckets.since(T0).of("").reads()));
    }
}
