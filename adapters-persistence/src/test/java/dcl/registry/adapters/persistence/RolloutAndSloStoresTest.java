package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.SourceOfTruth;
import dcl.registry.domain.rollout.StageChange;
import dcl.registry.domain.slo.LatencyHistogram;
import dcl.registry.domain.slo.SloBaseline;
import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rollout's stages, plan-following tenants and SLO buckets on a real PostgreSQL. */
class RolloutAndSloStoresTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    @RegisterExtension static final RegistryDatabase database = new RegistryDatabase();
    private final JpaRolloutPlans plans = new JpaRolloutPlans();
    private final JpaSloBuckets buckets = new JpaSloBuckets();
    private final JpaRolloutSettings tenants = new JpaRolloutSettings();

    @BeforeEach
    void emptyTablesAndInject() {
        database.execute(
                "TRUNCATE rollout_stages, slo_buckets, slo_tenant_buckets, tenant_rollout, rollout_holds");
        plans.em = database.transactionScoped();
        buckets.em = database.transactionScoped();
        tenants.em = database.transactionScoped();
    }

    @Test
    void givenTwoAppendsAfterTheSameStage_whenBothTry_thenOnlyTheFirstIsStored() {
        assertTrue(database.inTransaction(() -> plans.append(stage(1, 10, StageChange.ADVANCE))));
        assertFalse(
                database.inTransaction(() -> plans.append(stage(1, 25, StageChange.ADVANCE))),
                "the same id again: another node got there first");
        assertFalse(
                database.inTransaction(() -> plans.append(stage(3, 25, StageChange.ADVANCE))),
                "a stage must follow the newest one");
        assertTrue(database.inTransaction(() -> plans.append(stage(2, 25, StageChange.ADVANCE))));

        RolloutStage current = database.inTransaction(plans::current).orElseThrow();
        assertEquals(2, current.id());
        assertEquals(25, current.percent());
        assertEquals(new SloBaseline(0.01, 25), current.baseline());
        assertEquals(Optional.empty(), current.haltedAt());
    }

    @Test
    void givenTheNewestStage_whenMarkedHaltedTwice_thenOnlyOnceAndNeverAnOlderStage() {
        database.inTransaction(() -> plans.append(stage(1, 10, StageChange.ADVANCE)));
        database.inTransaction(() -> plans.append(stage(2, 25, StageChange.ADVANCE)));
        assertFalse(database.inTransaction(() -> plans.markHalted(1, T0)), "not the newest");
        assertTrue(database.inTransaction(() -> plans.markHalted(2, T0.plusSeconds(5))));
        assertFalse(database.inTransaction(() -> plans.markHalted(2, T0.plusSeconds(9))));
        assertEquals(
                Optional.of(T0.plusSeconds(5)),
                database.inTransaction(plans::current).orElseThrow().haltedAt());
    }

    @Test
    void givenTwoNodesAddingToBuckets_whenSummedSinceATime_thenCountsAndHistogramsAddUpPerTenant() {
        database.inTransaction(() -> add("node-a", T0, "acme", counts(100, 2, 1)));
        database.inTransaction(() -> add("node-a", T0, "acme", counts(50, 1, 0)));
        database.inTransaction(() -> add("node-b", T0, "acme", counts(10, 0, 2)));
        database.inTransaction(() -> add("node-b", T0, "globex", counts(7, 7, 0)));
        database.inTransaction(() -> add("node-a", T0, "", counts(3, 0, 0)));
        database.inTransaction(
                () -> add("node-b", T0.minusSeconds(60), "acme", counts(1000, 1000, 0)));

        TenantSloCounts since = database.inTransaction(() -> buckets.since(T0));
        assertEquals(Set.of("acme", "globex", ""), since.tenants());
        SloCounts acme = since.of("acme");
        assertEquals(160, acme.reads());
        assertEquals(3, acme.failedReads());
        assertEquals(160, acme.lookups());
        assertEquals(3, acme.slowLookups());
        assertEquals(3, acme.dualReadMismatches());
        assertEquals(LatencyHistogram.of(157, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3), acme.lookupLatency());
        assertEquals(counts(7, 7, 0), since.of("globex"));
        assertEquals(170, since.total().reads());
        assertEquals(163, since.without("globex").reads());
        assertEquals(
                1170,
                database.inTransaction(() -> buckets.since(T0.minusSeconds(60))).total().reads());

        assertEquals(1, database.inTransaction(() -> buckets.forgetBefore(T0)));
        assertEquals(
                170, database.inTransaction(() -> buckets.since(Instant.EPOCH)).total().reads());
        assertEquals(
                Set.of(), database.inTransaction(() -> buckets.since(T0.plusSeconds(1))).tenants());
    }

    @Test
    void givenTenantsWithAndWithoutThePlan_whenListed_thenOnlyFollowersInIdOrderAndPaged() {
        for (String t : List.of("c", "a", "b")) {
            database.inTransaction(
                    () -> {
                        tenants.save(settings(t, SourceOfTruth.PLAN));
                        return null;
                    });
        }
        database.inTransaction(
                () -> {
                    tenants.save(settings("override", SourceOfTruth.YAML));
                    return null;
                });
        assertEquals(3, database.inTransaction(tenants::countFollowingPlan));
        var first = database.inTransaction(() -> tenants.followingPlan(PageRequest.first(2)));
        assertEquals(
                List.of("a", "b"), first.items().stream().map(s -> s.tenant().value()).toList());
        var second =
                database.inTransaction(
                        () -> tenants.followingPlan(new PageRequest(2, first.next())));
        assertEquals(List.of("c"), second.items().stream().map(s -> s.tenant().value()).toList());
        assertEquals(Optional.empty(), second.next());
    }

    @Test
    void givenHoldsBeforeAndAfterAnInstant_whenCounted_thenDistinctTenantsSinceThen() {
        database.inTransaction(
                () -> {
                    tenants.recordHold(new TenantId("early"), T0);
                    tenants.recordHold(new TenantId("late"), T0.plusSeconds(60));
                    tenants.recordHold(new TenantId("late"), T0.plusSeconds(90));
                    return null;
                });
        assertEquals(2, database.inTransaction(() -> tenants.countHeldSince(T0)), "from T0 on");
        assertEquals(
                1,
                database.inTransaction(() -> tenants.countHeldSince(T0.plusSeconds(1))),
                "held twice, one tenant");
        assertEquals(0, database.inTransaction(() -> tenants.countHeldSince(T0.plusSeconds(91))));
    }

    @Test
    void givenSettingsChangedSinceRead_whenReplaced_thenNothingIsSavedAndTheFreshOnesAre() {
        RolloutSettings read =
                new RolloutSettings(
                        new TenantId("acme"),
                        SourceOfTruth.PLAN,
                        Optional.of("legacy/mappings"),
                        false,
                        Optional.of(T0.plusNanos(123_456_000)), // microseconds, as the clock ticks
                        Optional.of("alice"));
        database.inTransaction(
                () -> {
                    tenants.save(read);
                    return null;
                });
        assertEquals(Optional.of(read), database.inTransaction(() -> tenants.find(read.tenant())));
        RolloutSettings changed =
                new RolloutSettings(
                        read.tenant(),
                        SourceOfTruth.PLAN,
                        read.legacyPath(),
                        true,
                        Optional.of(T0.plusSeconds(1)),
                        Optional.of("bob"));
        database.inTransaction(
                () -> {
                    tenants.save(changed);
                    return null;
                });
        RolloutSettings held = read.heldOnYaml(RolloutStage.GUARD.subject(), T0.plusSeconds(2));

        assertFalse(database.inTransaction(() -> tenants.replace(read, held)), "stale");
        assertEquals(
                Optional.of(changed), database.inTransaction(() -> tenants.find(read.tenant())));
        RolloutSettings fresh = database.inTransaction(() -> tenants.find(read.tenant())).get();
        RolloutSettings heldFresh =
                fresh.heldOnYaml(RolloutStage.GUARD.subject(), T0.plusSeconds(2));
        assertTrue(database.inTransaction(() -> tenants.replace(fresh, heldFresh)));
        assertEquals(
                Optional.of(heldFresh), database.inTransaction(() -> tenants.find(read.tenant())));
        assertFalse(
                database.inTransaction(() -> tenants.replace(fresh, heldFresh)),
                "a second node finds it held already");
    }

    private Void add(String node, Instant bucket, String tenant, SloCounts counts) {
        buckets.add(node, bucket, tenant, counts);
        return null;
    }

    /**
     * {@code reads} lookups, {@code failed} of them failed and slow (the histogram's last bucket).
     */
    private static SloCounts counts(long reads, long failed, long mismatches) {
        long[] latency = new long[LatencyHistogram.BUCKETS];
        latency[0] = reads - failed;
        latency[LatencyHistogram.BUCKETS - 1] = failed;
        return new SloCounts(
                reads,
                failed,
                reads,
                failed,
                LatencyHistogram.of(latency),
                reads,
                0,
                mismatches,
                mismatches);
    }

    private static RolloutStage stage(long id, int percent, StageChange change) {
        return new RolloutStage(
                id,
                percent,
                0,
                change,
                Optional.of("test"),
                T0,
                new Actor("olga"),
                new TenantId("ops"),
                new SloBaseline(0.01, 25),
                Optional.empty());
    }

    private static RolloutSettings settings(String tenant, SourceOfTruth source) {
        return new RolloutSettings(
                new TenantId(tenant),
                source,
                Optional.of("legacy/mappings"),
                false,
                Optional.of(T0),
                Optional.of("alice"));
    }
}
