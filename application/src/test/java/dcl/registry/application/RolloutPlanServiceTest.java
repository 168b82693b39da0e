package dcl.registry.application;

import static dcl.registry.application.SloFakes.reads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.RolloutHalted;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RolloutNotifications;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.SourceOfTruth;
import dcl.registry.domain.rollout.StageChange;
import dcl.registry.domain.slo.SloBaseline;
import dcl.registry.domain.slo.SloJudge;
import dcl.registry.domain.slo.SloReport;
import dcl.registry.domain.slo.SloSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutPlanServiceTest {
    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");
    private static final TenantId OPS = new TenantId("ops");
    private static final Actor ALICE = new Actor("alice");
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private final SloFakes.MutableClock clock = new SloFakes.MutableClock(T);
    private final SloFakes.Plans plans = new SloFakes.Plans();
    private final SloFakes.Tenants tenants = new SloFakes.Tenants();
    private final SloFakes.Buckets buckets = new SloFakes.Buckets();
    private final SloFakes.Audit audit = new SloFakes.Audit();
    private final SloFakes.Notifications notifications = new SloFakes.Notifications();
    private final SloFakes.Transactions transactions = new SloFakes.Transactions(tenants);
    private final ServiceLevelTally tally =
            new ServiceLevelTally(
                    "node-a",
                    clock,
                    Duration.ofSeconds(10),
                    Duration.ofMillis(50),
                    Duration.ofHours(1));
    private final ServiceLevelService levels =
            new ServiceLevelService(
                    buckets,
                    plans,
                    tenants,
                    tally,
                    new SloJudge(SloSettings.seedDefaults()),
                    clock);
    private final RolloutService rollout =
            new RolloutService(
                    tenants,
                    plans,
                    audit,
                    transactions,
                    clock,
                    null,
                    null,
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(30));
    private final RolloutPlanService service =
            new RolloutPlanService(
                    plans,
                    tenants,
                    rollout,
                    levels,
                    tally,
                    buckets,
                    audit,
                    notifications,
                    transactions,
                    clock);

    private static RolloutStage stage(
            long id, int percent, int previous, StageChange change, Instant decidedAt) {
        return new RolloutStage(
                id,
                percent,
                previous,
                change,
                Optional.empty(),
                decidedAt,
                ALICE,
                OPS,
                new SloBaseline(0, 0),
                Optional.empty());
    }

    /** A tenant that follows the plan with dual-read on, as its admin enrolled it an hour ago. */
    private static RolloutSettings following(TenantId tenant) {
        return savedByAlice(tenant, SourceOfTruth.PLAN, "legacy", T.minus(Duration.ofHours(1)));
    }

    /** Settings with dual-read on, as the tenant's admin saved them at {@code at}. */
    private static RolloutSettings savedByAlice(
            TenantId tenant, SourceOfTruth source, String legacyPath, Instant at) {
        return new RolloutSettings(
                tenant,
                source,
                Optional.of(legacyPath),
                true,
                Optional.of(at),
                Optional.of("alice"));
    }

    /**
     * Reads every node counted five minutes ago, within the window and since the stages: the same
     * for two tenants, so that the rates are the fleet's and no one tenant alone explains them.
     */
    private void counted(long reads, long failed) {
        for (String tenant : List.of("runtime-a", "runtime-b")) {
            buckets.add("node-b", T.minus(Duration.ofMinutes(5)), tenant, reads(reads, failed));
        }
    }

    @Test
    void givenTheBudgetOverHaltAt_whenTheShareIsRaised_thenRefusedNamingTheSloAndNothingChanges() {
        plans.stages.add(stage(1, 10, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(30))));
        counted(10_000, 7);

        RolloutHalted halted =
                assertThrows(
                        RolloutHalted.class,
                        () -> service.change(OPS, ALICE, 25, Optional.of("next step")));

        assertEquals(SloSettings.AVAILABILITY, halted.budget().name());
        assertEquals(0.7, halted.budget().budgetConsumed(), 1e-9);
        assertTrue(
                halted.getMessage().contains("availability error budget 70 % consumed (over 50 %)"),
                halted.getMessage());
        assertEquals(1, plans.stages.size());
        assertEquals(List.of(), audit.settings);
        assertEquals(List.of(), notifications.events);
    }

    @Test
    void givenTheBudgetOverHaltAt_whenTheShareIsLowered_thenARetreatIsRecorded() {
        plans.stages.add(stage(1, 10, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(30))));
        counted(10_000, 7);

        RolloutStage retreat = service.change(OPS, ALICE, 5, Optional.of("calm down"));

        assertEquals(2, retreat.id());
        assertEquals(5, retreat.percent());
        assertEquals(10, retreat.previousPercent());
        assertEquals(StageChange.RETREAT, retreat.change());
        assertEquals(Optional.of("calm down"), retreat.reason());
        assertEquals(T, retreat.decidedAt());
        assertEquals(ALICE, retreat.decidedBy());
        assertEquals(new SloBaseline(0.0007, 0), retreat.baseline(), "the window as it stood");
        assertEquals(retreat, plans.newest());
        assertEquals(Optional.of(retreat), rollout.stageInForce(), "in force here at once");
        assertEquals(
                List.of(
                        new SloFakes.SettingChange(
                                OPS,
                                ALICE,
                                T,
                                RolloutPlanService.SETTING,
                                "percent=10, stage=1, change=advance",
                                "percent=5, stage=2, change=retreat",
                                Optional.of("calm down"))),
                audit.settings);
    }

    @Test
    void givenHealthyBudgetsAndNoPlan_whenTheShareIsRaised_thenTheFirstStageIsAnAdvanceFromZero() {
        counted(10_000, 0);
        RolloutStage first = service.change(OPS, ALICE, 10, Optional.empty());
        assertEquals(1, first.id());
        assertEquals(0, first.previousPercent());
        assertEquals(StageChange.ADVANCE, first.change());
        assertEquals("percent=0, stage=none", audit.settings.get(0).before());
    }

    @Test
    void givenAnotherChangeLandsFirst_whenTheShareIsChanged_thenRefusedAndNothingRecorded() {
        counted(10_000, 0);
        RolloutStage bobs = stage(1, 50, 0, StageChange.ADVANCE, T);
        plans.rival = Optional.of(bobs);

        assertThrows(
                IllegalTransition.class, () -> service.change(OPS, ALICE, 10, Optional.empty()));

        assertEquals(List.of(bobs), plans.stages);
        assertEquals(List.of(), audit.settings);
        assertEquals(List.of(), notifications.events);
    }

    @Test
    void
            givenOneTenantsFailuresAloneOverRollbackAt_whenChecked_thenThePlanStaysAndTheReportSaysWhy() {
        plans.stages.add(stage(1, 10, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(50))));
        plans.stages.add(stage(2, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        Instant fiveMinutesAgo = T.minus(Duration.ofMinutes(5));
        buckets.add("node-b", fiveMinutesAgo, "noisy", reads(500, 5));
        buckets.add("node-b", fiveMinutesAgo, "quiet", reads(1_000, 0));

        SloReport report = service.check();

        assertFalse(report.shouldRollback(), report.toString());
        assertFalse(report.shouldHaltRollout(), report.toString());
        assertEquals(
                List.of("noisy", "noisy"),
                report.setAside().stream().map(SloReport.SetAside::tenant).toList(),
                report.toString());
        assertEquals(2, plans.stages.size(), "the plan stays at 25 %");
        assertEquals(25, service.change(OPS, ALICE, 50, Optional.of("next")).previousPercent());
    }

    @Test
    void givenAnAdvanceOverRollbackAt_whenChecked_thenRolledBackToThePreviousShareOnce() {
        plans.stages.add(stage(1, 10, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(50))));
        plans.stages.add(stage(2, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        counted(1_000, 1);

        SloReport report = service.check();

        assertTrue(report.shouldRollback());
        assertEquals(3, plans.stages.size());
        RolloutStage back = plans.newest();
        assertEquals(3, back.id());
        assertEquals(10, back.percent());
        assertEquals(25, back.previousPercent());
        assertEquals(StageChange.ROLLBACK, back.change());
        assertEquals(RolloutStage.GUARD, back.decidedBy());
        assertEquals(OPS, back.owner());
        assertEquals(T, back.decidedAt());
        String reason = back.reason().orElseThrow();
        assertTrue(
                reason.startsWith("availability error budget 100 % consumed (over 90 %)"), reason);
        assertEquals(
                List.of(
                        new SloFakes.SettingChange(
                                OPS,
                                RolloutStage.GUARD,
                                T,
                                RolloutPlanService.SETTING,
                                "percent=25, stage=2, change=advance",
                                "percent=10, stage=3, change=rollback",
                                Optional.of(reason))),
                audit.settings);
        assertEquals(
                List.of(new SloFakes.StageEvent(RolloutNotifications.ROLLED_BACK, back, reason)),
                notifications.events);
        assertEquals(Optional.of(back), rollout.stageInForce(), "in force here at once");

        clock.advance(Duration.ofSeconds(15));
        service.check();

        assertEquals(3, plans.stages.size(), "a rollback is not rolled back further");
        assertEquals(10, plans.newest().percent());
        assertEquals(1, notifications.count(RolloutNotifications.ROLLED_BACK));
    }

    @Test
    void givenOneTenantsDualReadMismatches_whenChecked_thenItAloneIsHeldOnItsYamlAndThePlanStays() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tenants.save(following(GLOBEX));
        tally.dualRead(following(ACME), false);
        tally.dualRead(following(ACME), false);
        tally.dualRead(following(GLOBEX), true);

        SloReport report = service.check();

        assertFalse(report.shouldRollback(), report.rollbackReason().toString());
        assertEquals(1, plans.stages.size(), "the plan stays: one tenant's data is its own");
        RolloutSettings held = tenants.find(ACME).orElseThrow();
        assertEquals(SourceOfTruth.YAML, held.sourceOfTruth());
        assertEquals(Optional.of(T), held.updatedAt());
        assertEquals(Optional.of(RolloutStage.GUARD.subject()), held.updatedBy());
        assertEquals(following(GLOBEX), tenants.find(GLOBEX).orElseThrow());
        assertTrue(rollout.current(ACME).yamlAnswers(), "in force on this node at once");
        assertFalse(rollout.current(GLOBEX).yamlAnswers(), "still placed on the registry");
        assertEquals(
                List.of(
                        new SloFakes.SettingChange(
                                ACME,
                                RolloutStage.GUARD,
                                T,
                                RolloutService.SETTING,
                                "sourceOfTruth=plan, legacyPath=legacy, dualRead=true",
                                "sourceOfTruth=yaml, legacyPath=legacy, dualRead=true",
                                Optional.of(RolloutPlanService.HELD_REASON))),
                audit.settings,
                "audited in the held tenant's own trail");
        assertEquals(
                List.of(
                        new SloFakes.HeldEvent(
                                held, RolloutPlanService.HELD_REASON, Optional.of(OPS))),
                notifications.held,
                "told to the tenant and to the plan's owner");
        assertEquals(List.of(), notifications.events);

        clock.advance(Duration.ofSeconds(15));
        service.check();
        assertEquals(1, notifications.held.size(), "held once");
        assertEquals(1, audit.settings.size());
    }

    @Test
    void givenTwoTenantsHeldSinceTheStage_whenChecked_thenTheStageIsRolledBack() {
        plans.stages.add(stage(1, 50, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tenants.save(following(GLOBEX));
        tally.dualRead(following(ACME), false);
        tally.dualRead(following(GLOBEX), false);

        SloReport report = service.check();

        assertEquals(2, notifications.held.size());
        assertTrue(report.shouldRollback());
        RolloutStage back = plans.newest();
        assertEquals(StageChange.ROLLBACK, back.change());
        assertEquals(10, back.percent());
        assertTrue(
                back.reason().orElseThrow().startsWith("2 tenants held on their YAML"),
                back.reason().orElseThrow());
    }

    @Test
    void givenATenantThatLeftThePlan_whenItsMismatchIsChecked_thenItIsNotHeld() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tally.dualRead(following(ACME), false);
        RolloutSettings ownRollout =
                savedByAlice(
                        ACME, SourceOfTruth.REGISTRY, "legacy", T.minus(Duration.ofMinutes(1)));
        tenants.save(ownRollout);

        service.check();

        assertEquals(ownRollout, tenants.find(ACME).orElseThrow(), "its admin's choice stands");
        assertEquals(List.of(), audit.settings);
        assertEquals(List.of(), notifications.held);
    }

    @Test
    void givenAnotherNodeHoldsTheTenantFirst_whenChecked_thenNothingMoreIsSavedAuditedOrTold() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tally.dualRead(following(ACME), false);
        RolloutSettings theirs =
                following(ACME).heldOnYaml(RolloutStage.GUARD.subject(), T.minusMillis(5));
        tenants.rival = Optional.of(theirs);

        service.check();

        assertEquals(theirs, tenants.find(ACME).orElseThrow());
        assertEquals(List.of(), audit.settings, "audited once, by the node that held it");
        assertEquals(List.of(), notifications.held);
    }

    @Test
    void givenItsAdminChangedItsSettingsSinceTheComparison_whenChecked_thenTheTenantIsNotHeld() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tally.dualRead(following(ACME), false);
        RolloutSettings mended =
                savedByAlice(ACME, SourceOfTruth.PLAN, "legacy-mended", T.minusSeconds(5));
        tenants.save(mended);

        service.check();

        assertEquals(mended, tenants.find(ACME).orElseThrow(), "the comparison spoke of before");
        assertEquals(List.of(), notifications.held);
    }

    @Test
    void givenOneTenantsHoldFails_whenChecked_thenTheOthersAreHeldTheFleetJudgedAndItRetried() {
        plans.stages.add(stage(1, 50, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tenants.save(following(GLOBEX));
        tally.dualRead(following(ACME), false);
        tally.dualRead(following(GLOBEX), false);
        notifications.failFor = Optional.of(ACME);
        counted(1_000, 1);

        SloReport report = service.check();

        assertEquals(SourceOfTruth.PLAN, tenants.find(ACME).orElseThrow().sourceOfTruth());
        assertEquals(SourceOfTruth.YAML, tenants.find(GLOBEX).orElseThrow().sourceOfTruth());
        assertTrue(report.shouldRollback(), "the budget is still judged");
        assertEquals(StageChange.ROLLBACK, plans.newest().change());

        notifications.failFor = Optional.empty();
        clock.advance(Duration.ofSeconds(15));
        service.check();
        assertEquals(SourceOfTruth.YAML, tenants.find(ACME).orElseThrow().sourceOfTruth());
    }

    @Test
    void
            givenAHeldTenantsAdminRejoinsThePlan_whenAnotherIsHeld_thenBothCountAndTheStageRollsBack() {
        plans.stages.add(stage(1, 50, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tenants.save(following(GLOBEX));
        tally.dualRead(following(ACME), false);
        service.check();
        assertEquals(1, plans.stages.size(), "one tenant held: the plan stays");

        clock.advance(Duration.ofSeconds(15));
        tenants.save(following(ACME)); // its admin follows the plan again
        tally.dualRead(following(GLOBEX), false);
        service.check();

        assertEquals(StageChange.ROLLBACK, plans.newest().change(), "two held since the stage");
    }

    @Test
    void givenTheSettingsStoreIsOut_whenATenantCannotBeHeld_thenItIsHeldInTheNextRound() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        tenants.save(following(ACME));
        tally.dualRead(following(ACME), false);
        tenants.down = true;

        assertThrows(StoreUnavailable.class, service::check, "nothing judged without the store");
        assertEquals(List.of(), notifications.held);

        tenants.down = false;
        clock.advance(Duration.ofSeconds(15));
        service.check();
        assertEquals(SourceOfTruth.YAML, tenants.find(ACME).orElseThrow().sourceOfTruth());
        assertEquals(1, notifications.held.size());
    }

    @Test
    void givenARetreat_whenCheckedOverRollbackAt_thenNotRolledBack() {
        plans.stages.add(stage(1, 25, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(50))));
        plans.stages.add(stage(2, 10, 25, StageChange.RETREAT, T.minus(Duration.ofMinutes(20))));
        counted(1_000, 1);

        assertFalse(service.check().shouldRollback());
        assertEquals(2, plans.stages.size());
        assertEquals(0, notifications.count(RolloutNotifications.ROLLED_BACK));
    }

    @Test
    void givenTheBudgetOverHaltAt_whenCheckedTwice_thenTheStageIsMarkedHaltedAndNotifiedOnce() {
        plans.stages.add(stage(1, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        counted(10_000, 7);

        SloReport first = service.check();
        clock.advance(Duration.ofSeconds(15));
        service.check();

        assertTrue(first.shouldHaltRollout());
        assertFalse(first.shouldRollback(), "70 % consumed halts but does not roll back");
        assertEquals(1, plans.stages.size());
        RolloutStage halted = plans.newest();
        assertEquals(Optional.of(T), halted.haltedAt(), "marked at the first check");
        assertEquals(25, halted.percent());
        String reason = first.haltReason().orElseThrow();
        assertEquals(
                List.of(new SloFakes.StageEvent(RolloutNotifications.HALTED, halted, reason)),
                notifications.events);
        assertEquals(1, audit.settings.size());
        assertEquals(RolloutStage.GUARD, audit.settings.get(0).actor());
        assertEquals("percent=25, stage=1, change=advance, halted", audit.settings.get(0).after());
    }

    @Test
    void givenTheFullShare_whenCheckedOverHaltAt_thenNothingToHalt() {
        plans.stages.add(stage(1, 100, 50, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        counted(10_000, 7);
        service.check();
        assertEquals(Optional.empty(), plans.newest().haltedAt());
        assertEquals(List.of(), notifications.events);
    }

    @Test
    void givenAnotherNodeRollsBackFirst_whenChecked_thenNothingChangesAndNothingIsNotified() {
        plans.stages.add(stage(1, 10, 0, StageChange.ADVANCE, T.minus(Duration.ofMinutes(50))));
        plans.stages.add(stage(2, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        RolloutStage theirs = stage(3, 10, 25, StageChange.ROLLBACK, T);
        plans.rival = Optional.of(theirs);
        counted(1_000, 1);

        service.check();

        assertEquals(3, plans.stages.size());
        assertEquals(theirs, plans.newest());
        assertEquals(List.of(), audit.settings);
        assertEquals(List.of(), notifications.events);
        assertEquals(Optional.of(theirs), rollout.stageInForce(), "read from the store");
    }

    @Test
    void givenAnotherNodeHaltsFirst_whenChecked_thenNothingIsRecordedOrNotifiedHere() {
        plans.stages.add(stage(1, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        plans.haltedElsewhere = true;
        counted(10_000, 7);

        service.check();

        assertEquals(List.of(), audit.settings);
        assertEquals(List.of(), notifications.events);
    }

    @Test
    void givenTheStoreIsDown_whenChecked_thenTheOutageIsReportedAndThePlanUnchanged() {
        plans.stages.add(stage(1, 25, 10, StageChange.ADVANCE, T.minus(Duration.ofMinutes(20))));
        counted(1_000, 1);
        buckets.down = true;

        assertThrows(StoreUnavailable.class, service::check);

        assertEquals(1, plans.stages.size());
        assertEquals(List.of(), notifications.events);
    }
}
