package dcl.registry.domain.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloJudgeTest {
    private static final double EPSILON = 1e-9;
    private static final SloJudge JUDGE = new SloJudge(SloSettings.seedDefaults());
    private static final Optional<SloBaseline> BASELINE = Optional.of(new SloBaseline(0.0, 50));

    private static SloCounts reads(long reads, long failed) {
        return new SloCounts(reads, failed, 0, 0, LatencyHistogram.empty(), 0, 0, 0, 0);
    }

    /** {@code lookups} lookups, all in one histogram bucket, {@code slow} of them over 50 ms. */
    private static SloCounts lookups(long lookups, long slow, int bucket) {
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        histogram[bucket] = lookups;
        return new SloCounts(0, 0, lookups, slow, LatencyHistogram.of(histogram), 0, 0, 0, 0);
    }

    private static SloCounts cache(long hits, long misses) {
        return new SloCounts(0, 0, 0, 0, LatencyHistogram.empty(), hits, misses, 0, 0);
    }

    private static SloCounts dualReads(long compared, long mismatched) {
        return new SloCounts(0, 0, 0, 0, LatencyHistogram.empty(), 0, 0, compared, mismatched);
    }

    private static SloStatus slo(SloReport report, String name) {
        return report.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Optional<String> rollback(SloCounts window, SloCounts stage) {
        return JUDGE.judge(window, stage, BASELINE, 0).rollbackReason();
    }

    @Test
    void givenOneFailureInAThousandReads_whenJudged_thenTheWholeAvailabilityBudgetIsConsumed() {
        SloReport report = JUDGE.judge(reads(1000, 1), SloCounts.none(), Optional.empty(), 0);
        SloStatus availability = slo(report, SloSettings.AVAILABILITY);
        assertEquals(0.999, availability.target());
        assertEquals(0.999, availability.actual(), EPSILON);
        assertEquals(1.0, availability.budgetConsumed(), EPSILON, "0.1 % / (1 - 99.9 %)");
        assertEquals(0.0, availability.budgetRemaining(), EPSILON);
        assertEquals(1000, availability.events());
        assertEquals(
                0.25,
                slo(
                                JUDGE.judge(reads(4000, 1), SloCounts.none(), Optional.empty(), 0),
                                SloSettings.AVAILABILITY)
                        .budgetConsumed(),
                EPSILON);
    }

    @Test
    void givenOneSlowLookupInAHundred_whenJudged_thenAFifthOfTheLatencyBudgetIsConsumed() {
        SloReport report =
                JUDGE.judge(
                        reads(1000, 0).plus(lookups(100, 1, 0)),
                        SloCounts.none(),
                        Optional.empty(),
                        0);
        SloStatus latency = slo(report, SloSettings.LOOKUP_LATENCY);
        assertEquals(0.95, latency.target());
        assertEquals(0.99, latency.actual(), EPSILON);
        assertEquals(0.2, latency.budgetConsumed(), EPSILON, "1 % slow / 5 % allowed");
        assertEquals(100, latency.events());
    }

    @Test
    void givenCacheHitRatios_whenJudged_thenTheBudgetIsTheRoomBetweenTargetAndFloor() {
        SloCounts window = reads(1000, 0);
        SloStatus halfway =
                slo(
                        JUDGE.judge(
                                window.plus(cache(85, 15)), SloCounts.none(), Optional.empty(), 0),
                        SloSettings.CACHE_HIT);
        assertEquals(0.85, halfway.actual(), EPSILON);
        assertEquals(0.5, halfway.budgetConsumed(), EPSILON, "halfway from 90 % to the 80 % floor");
        assertEquals(100, halfway.events());
        assertEquals(
                1.0,
                slo(
                                JUDGE.judge(
                                        window.plus(cache(80, 20)),
                                        SloCounts.none(),
                                        Optional.empty(),
                                        0),
                                SloSettings.CACHE_HIT)
                        .budgetConsumed(),
                EPSILON,
                "at the floor it is all spent");
        assertEquals(
                0.0,
                slo(
                                JUDGE.judge(
                                        window.plus(cache(99, 1)),
                                        SloCounts.none(),
                                        Optional.empty(),
                                        0),
                                SloSettings.CACHE_HIT)
                        .budgetConsumed(),
                "above the target nothing is spent (and nothing is earned)");
        assertEquals(
                0.0,
                slo(
                                JUDGE.judge(window, SloCounts.none(), Optional.empty(), 0),
                                SloSettings.CACHE_HIT)
                        .budgetConsumed(),
                "no cache reads, nothing missed");
    }

    @Test
    void givenABudgetOverHaltAt_whenJudgedOnEnoughReads_thenTheRolloutHaltsNamingTheSlo() {
        SloReport report = JUDGE.judge(reads(10_000, 6), SloCounts.none(), Optional.empty(), 0);
        assertTrue(report.shouldHaltRollout());
        assertEquals(
                "availability error budget 60 % consumed (over 50 %): actual 0.9994 against target"
                        + " 0.9990 over 10000 events",
                report.haltReason().orElseThrow());
        assertEquals(SloSettings.AVAILABILITY, report.mostConsumed().name());
        assertFalse(report.shouldRollback(), "no stage, no baseline, nothing to roll back");
    }

    @Test
    void givenABudgetUnderHaltAt_whenJudged_thenNoHalt() {
        SloReport report = JUDGE.judge(reads(10_000, 4), SloCounts.none(), Optional.empty(), 0);
        assertEquals(0.4, report.mostConsumed().budgetConsumed(), EPSILON);
        assertFalse(report.shouldHaltRollout());
    }

    @Test
    void givenFewerReadsThanMinReads_whenJudged_thenNoHaltHoweverBadTheRate() {
        assertFalse(
                JUDGE.judge(reads(99, 1), SloCounts.none(), Optional.empty(), 0)
                        .shouldHaltRollout(),
                "1 failure in 99 reads is noise");
        assertTrue(
                JUDGE.judge(reads(100, 1), SloCounts.none(), Optional.empty(), 0)
                        .shouldHaltRollout(),
                "100 reads are enough");
    }

    @Test
    void
            givenTenantsHeldForDualReadMismatchesSinceTheStage_whenJudged_thenTwoRollItBackWhateverElseAndOneDoesNot() {
        SloCounts overspent = reads(1000, 1);
        String twoHeld =
                "2 tenants held on their YAML for dual-read mismatches since the stage began: more"
                        + " than one tenant's data, so the registry answers wrongly";
        assertEquals(
                Optional.of(twoHeld),
                JUDGE.judge(overspent, reads(3, 3).plus(dualReads(5, 2)), BASELINE, 2)
                        .rollbackReason(),
                "before the budget, and without min-reads");
        assertEquals(
                Optional.empty(),
                JUDGE.judge(reads(2, 0), dualReads(40, 40), BASELINE, 1).rollbackReason(),
                "one tenant's mismatches hold that tenant alone, however many");
        assertEquals(
                Optional.empty(),
                JUDGE.judge(reads(2, 0), dualReads(50, 0), Optional.empty(), 3).rollbackReason(),
                "no stage in progress, nothing to roll back");
    }

    @Test
    void givenABudgetOverRollbackAt_whenJudged_thenItIsTheReasonBeforeTheStagesOwnRise() {
        Optional<String> reason = rollback(reads(1000, 1), reads(1000, 100));
        assertTrue(
                reason.orElseThrow()
                        .startsWith("availability error budget 100 % consumed (over 90 %)"),
                reason.orElseThrow());
        assertEquals(
                Optional.empty(),
                rollback(reads(10_000, 7), reads(10_000, 7)),
                "70 % consumed halts, but does not roll back");
    }

    @Test
    void
            givenTheErrorRateRoseOverBaselinePlusTheRise_whenJudged_thenItIsTheReasonBeforeP95AndCache() {
        SloCounts clean = reads(100_000, 0);
        SloCounts stage = reads(100, 6).plus(lookups(100, 100, 6)).plus(cache(10, 90));
        assertEquals(
                Optional.of(
                        "error rate 6.00 % since the stage began, over its baseline 0.00 % + 5"
                                + " points"),
                rollback(clean, stage));
        assertFalse(
                JUDGE.judge(clean, reads(100, 6), Optional.of(new SloBaseline(0.02, 50)), 0)
                        .shouldRollback(),
                "6 % is under a 2 % baseline + 5 points");
    }

    @Test
    void givenP95RoseOverBaselinePlus100Ms_whenJudged_thenItIsTheReasonBeforeTheCache() {
        SloCounts clean = reads(100_000, 0);
        assertEquals(
                Optional.of(
                        "lookup p95 250 ms since the stage began, over its baseline 50 ms + 100 ms"),
                rollback(clean, reads(100, 0).plus(lookups(100, 100, 5)).plus(cache(10, 90))));
        assertEquals(
                Optional.empty(),
                rollback(clean, reads(100, 0).plus(lookups(100, 100, 4))),
                "p95 100 ms is within 50 ms + 100 ms");
    }

    @Test
    void givenTheCacheHitRatioUnderTheFloorSinceTheStage_whenJudged_thenItIsTheReason() {
        assertEquals(
                Optional.of("cache hit ratio 70.0 % since the stage began, under the 80 % floor"),
                rollback(reads(100_000, 0), reads(100, 0).plus(cache(70, 30))));
        assertEquals(
                Optional.empty(),
                rollback(reads(100_000, 0), reads(100, 0).plus(cache(81, 19))),
                "above the floor");
    }

    @Test
    void
            givenFewerReadsThanMinReadsSinceTheStage_whenJudged_thenOnlyHeldTenantsOrTheBudgetRollBack() {
        assertEquals(
                Optional.empty(),
                rollback(
                        reads(100_000, 0),
                        reads(99, 50).plus(lookups(99, 99, 9)).plus(cache(0, 99))));
    }

    @Test
    void givenNoBaseline_whenJudged_thenNeverARollbackThoughItMayHalt() {
        SloReport report =
                JUDGE.judge(
                        reads(1000, 1),
                        reads(1000, 500).plus(dualReads(9, 9)),
                        Optional.empty(),
                        0);
        assertFalse(report.shouldRollback());
        assertTrue(report.shouldHaltRollout());
    }

    /** No tenant was moved by the stage judged. */
    private static boolean noneMoved(String tenant) {
        return false;
    }

    private static TenantSloCounts perTenant(Object... tenantAndCounts) {
        java.util.Map<String, SloCounts> byTenant = new java.util.HashMap<>();
        for (int i = 0; i < tenantAndCounts.length; i += 2) {
            byTenant.put((String) tenantAndCounts[i], (SloCounts) tenantAndCounts[i + 1]);
        }
        return new TenantSloCounts(byTenant);
    }

    @Test
    void
            givenOneTenantsMissesAloneBreakTheFleetsCacheSlo_whenJudged_thenNeitherHaltNorRollbackButSaidSo() {
        TenantSloCounts counts =
                perTenant(
                        "noisy",
                        reads(500, 0).plus(cache(0, 500)),
                        "quiet",
                        reads(1000, 0).plus(cache(900, 100)));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 0, SloJudgeTest::noneMoved);

        assertEquals(
                0.6,
                slo(report, SloSettings.CACHE_HIT).actual(),
                EPSILON,
                "the fleet's figures are reported as they are");
        assertTrue(
                JUDGE.judge(counts.total(), counts.total(), BASELINE, 0).shouldHaltRollout(),
                "on the fleet's totals alone it would halt");
        assertFalse(report.shouldHaltRollout(), report.toString());
        assertFalse(report.shouldRollback(), report.toString());
        String setAside =
                report.setAside().stream()
                        .map(s -> s.describe(true))
                        .collect(java.util.stream.Collectors.joining("; "));
        assertTrue(setAside.startsWith("halt set aside: cache-hit error budget"), setAside);
        assertTrue(setAside.contains("rollback set aside: cache-hit error budget"), setAside);
        assertTrue(setAside.contains("tenant noisy's own traffic alone explains it"), setAside);
        assertFalse(
                report.setAside().get(0).describe(false).contains("noisy"),
                "another tenant's reader is not told which tenant");
    }

    @Test
    void givenTwoTenantsMissing_whenJudged_thenTheFleetHaltsAndRollsBack() {
        TenantSloCounts counts =
                perTenant(
                        "a", reads(300, 0).plus(cache(0, 300)),
                        "b", reads(300, 0).plus(cache(0, 300)),
                        "quiet", reads(1000, 0).plus(cache(900, 100)));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 0, SloJudgeTest::noneMoved);
        assertTrue(report.shouldHaltRollout(), report.toString());
        assertTrue(report.shouldRollback(), report.toString());
        assertEquals(List.of(), report.setAside());
    }

    @Test
    void givenOneTenantReadingAlone_whenItsReadsFail_thenTheFleetsVerdictStands() {
        TenantSloCounts counts = perTenant("only", reads(1000, 100));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 0, SloJudgeTest::noneMoved);
        assertTrue(report.shouldHaltRollout(), "nothing is left to judge without it");
        assertEquals(List.of(), report.setAside());
    }

    @Test
    void givenTheRestTooFewToJudge_whenOneTenantDominatesAnOutage_thenTheFleetsVerdictStands() {
        TenantSloCounts counts = perTenant("big", reads(1000, 500), "small", reads(60, 30));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 0, SloJudgeTest::noneMoved);
        assertTrue(report.shouldHaltRollout(), report.toString());
        assertTrue(report.shouldRollback(), report.toString());
        assertEquals(List.of(), report.setAside());
        assertTrue(
                JUDGE.judge(
                                counts,
                                TenantSloCounts.none(),
                                Optional.empty(),
                                0,
                                SloJudgeTest::noneMoved)
                        .shouldHaltRollout(),
                "no stage in progress: the window alone is judged");
    }

    @Test
    void givenTheBreachOfATenantTheStageMoved_whenJudged_thenItIsNeverSetAside() {
        TenantSloCounts counts =
                perTenant(
                        "moved",
                        reads(500, 0).plus(cache(0, 500)),
                        "quiet",
                        reads(1000, 0).plus(cache(900, 100)));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 0, "moved"::equals);
        assertTrue(report.shouldRollback(), "its reads are what the stage is judged on");
        assertEquals(List.of(), report.setAside());
    }

    @Test
    void givenReadsWithoutATenant_whenTheyAloneBreach_thenTheyAreNeverSetAside() {
        TenantSloCounts counts =
                perTenant(TenantSloCounts.NO_TENANT, reads(500, 50), "quiet", reads(1000, 0));
        assertTrue(
                JUDGE.judge(counts, counts, BASELINE, 0, SloJudgeTest::noneMoved)
                        .shouldHaltRollout());
    }

    @Test
    void givenATenantSetAside_whenTheReportIsMeasured_thenItsCountsAreLeftOutOfTheBaseline() {
        TenantSloCounts counts = perTenant("noisy", reads(500, 50), "quiet", reads(4000, 1));
        SloReport report =
                JUDGE.judge(counts, counts, Optional.empty(), 0, SloJudgeTest::noneMoved);
        assertEquals("noisy", report.setAside().get(0).tenant());
        assertEquals(0.00025, report.measured().errorRate(), EPSILON, "the quiet tenant's alone");
    }

    @Test
    void givenTwoTenantsHeld_whenJudgedPerTenant_thenTheRollbackStands() {
        TenantSloCounts counts = perTenant("a", dualReads(10, 1), "b", dualReads(10, 1));
        SloReport report = JUDGE.judge(counts, counts, BASELINE, 2, SloJudgeTest::noneMoved);
        assertTrue(report.rollbackReason().orElseThrow().startsWith("2 tenants held"));
        assertEquals(List.of(), report.setAside());
    }
}
