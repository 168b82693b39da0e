package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.SourceOfTruth;
import dcl.registry.domain.rollout.StageChange;
import dcl.registry.domain.slo.SloBaseline;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutServicePlanTest {
    /** Place 72 in the rollout's line. */
    private static final TenantId ACME = new TenantId("acme");

    /** Place 32. */
    private static final TenantId UMBRELLA = new TenantId("umbrella");

    private final SloFakes.Tenants tenants = new SloFakes.Tenants();
    private final SloFakes.Plans plans = new SloFakes.Plans();

    private static RolloutStage stage(long id, int percent) {
        return new RolloutStage(
                id,
                percent,
                0,
                StageChange.ADVANCE,
                Optional.empty(),
                Instant.EPOCH,
                new Actor("alice"),
                new TenantId("ops"),
                new SloBaseline(0, 0),
                Optional.empty());
    }

    private static RolloutSettings settings(TenantId tenant, SourceOfTruth sourceOfTruth) {
        return new RolloutSettings(
                tenant,
                sourceOfTruth,
                Optional.of("legacy/" + tenant.value()),
                false,
                Optional.of(Instant.EPOCH),
                Optional.of("alice"));
    }

    /** Settings and the plan re-read on every call (no freshness window). */
    private RolloutService service(Duration maxStale) {
        return new RolloutService(
                tenants, plans, null, null, null, null, null, Duration.ZERO, maxStale);
    }

    @Test
    void givenPlanTenants_whenTheStageChanges_thenEachIsServedByItsPlaceInLine() {
        tenants.save(settings(ACME, SourceOfTruth.PLAN));
        tenants.save(settings(UMBRELLA, SourceOfTruth.PLAN));
        RolloutService rollout = service(Duration.ofMinutes(30));

        assertEquals(SourceOfTruth.YAML, rollout.current(ACME).servedBy(), "no plan yet");
        assertEquals(SourceOfTruth.YAML, rollout.current(UMBRELLA).servedBy());

        plans.stages.add(stage(1, 50));
        assertEquals(SourceOfTruth.YAML, rollout.current(ACME).servedBy(), "72 is not under 50");
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(UMBRELLA).servedBy());
        assertEquals(SourceOfTruth.PLAN, rollout.current(UMBRELLA).sourceOfTruth());

        plans.stages.add(stage(2, 80));
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(ACME).servedBy());
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(UMBRELLA).servedBy());
    }

    @Test
    void givenOverrides_whenRead_thenThePlanIsNeverAsked() {
        tenants.save(settings(ACME, SourceOfTruth.YAML));
        tenants.save(RolloutSettings.initial(UMBRELLA));
        plans.forbidden = true;
        RolloutService rollout = service(Duration.ofMinutes(30));

        assertEquals(SourceOfTruth.YAML, rollout.current(ACME).servedBy());
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(UMBRELLA).servedBy());
        assertEquals(
                SourceOfTruth.REGISTRY,
                rollout.current(new TenantId("unknown")).servedBy(),
                "a tenant without settings starts on the registry");
        assertEquals(0, plans.reads);
    }

    @Test
    void givenThePlanStoreGoesDown_whenAPlanTenantIsRead_thenTheLastStageStaysInForce() {
        tenants.save(settings(ACME, SourceOfTruth.PLAN));
        plans.stages.add(stage(1, 80));
        RolloutService rollout = service(Duration.ofMinutes(30));
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(ACME).servedBy());

        plans.down = true;
        assertEquals(SourceOfTruth.REGISTRY, rollout.current(ACME).servedBy());
        assertEquals(80, rollout.stageInForce().orElseThrow().percent());
    }

    @Test
    void givenThePlanStoreDownBeyondTheBound_whenAPlanTenantIsRead_thenTheOutageIsReported() {
        tenants.save(settings(ACME, SourceOfTruth.PLAN));
        plans.stages.add(stage(1, 80));
        RolloutService rollout = service(Duration.ZERO);
        rollout.current(ACME);

        plans.down = true;
        assertThrows(StoreUnavailable.class, () -> rollout.current(ACME));
    }

    @Test
    void givenThePlanWasNeverRead_whenItsStoreIsDown_thenTheOutageIsReported() {
        tenants.save(settings(ACME, SourceOfTruth.PLAN));
        plans.down = true;
        assertThrows(StoreUnavailable.class, () -> service(Duration.ofMinutes(30)).current(ACME));
    }
}
