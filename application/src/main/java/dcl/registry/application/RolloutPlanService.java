package dcl.registry.application;

import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.RolloutHalted;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.GuardRolloutUseCase;
import dcl.registry.domain.port.in.RolloutPlanUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.RolloutNotifications;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.StageChange;
import dcl.registry.domain.slo.SloBaseline;
import dcl.registry.domain.slo.SloReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The fleet's progressive rollout: operators set the share; the guard, run on every node, holds on
 * its YAML a plan-following tenant whose dual-read comparisons mismatched on that node, marks a
 * stage halted when a budget is too spent to advance and rolls an advance back to the previous
 * share on the seed's criteria. Each act is one appended stage (or mark, or held tenant), its audit
 * entry and its webhook event in one transaction; the store lets exactly one node act.
 */
public class RolloutPlanService implements RolloutPlanUseCase, GuardRolloutUseCase {
    private static final Logger LOG = Logger.getLogger(RolloutPlanService.class.getName());
    static final String SETTING = "rollout-plan";

    static final String HELD_REASON =
            "dual-read mismatch: its registry answered otherwise than its YAML while the plan placed"
                    + " it on the registry. Its YAML answers until its admin has looked at the"
                    + " mismatches and follows the plan again (PUT /dcl/admin/rollout)";

    private final RolloutPlans plans;
    private final RolloutStore tenants;
    private final RolloutService rollout;
    private final ServiceLevelService levels;
    private final ServiceLevelTally tally;
    private final SloBuckets buckets;
    private final AuditTrail audit;
    private final RolloutNotifications notifications;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public RolloutPlanService(
            RolloutPlans plans,
            RolloutStore tenants,
            RolloutService rollout,
            ServiceLevelService levels,
            ServiceLevelTally tally,
            SloBuckets buckets,
            AuditTrail audit,
            RolloutNotifications notifications,
            TransactionBoundary transactions,
            Clock clock) {
        this.plans = plans;
        this.tenants = tenants;
        this.rollout = rollout;
        this.levels = levels;
        this.tally = tally;
        this.buckets = buckets;
        this.audit = audit;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PlanView view(TenantId caller, boolean operator, PageRequest page) {
        Optional<RolloutStage> inForce = rollout.stageInForce();
        Page<RolloutSettings> following =
                operator
                        ? tenants.followingPlan(page)
                        : new Page<>(
                                tenants.find(caller).filter(RolloutSettings::followsPlan).stream()
                                        .toList(),
                                Optional.empty());
        Page<RolloutSettings> placed =
                new Page<>(
                        following.items().stream().map(s -> s.following(inForce)).toList(),
                        following.next());
        long count = operator ? tenants.countFollowingPlan() : placed.items().size();
        return new PlanView(plans.current(), inForce, count, placed);
    }

    @Override
    public RolloutStage change(TenantId owner, Actor actor, int percent, Optional<String> reason) {
        if (percent < 0 || percent > 100) {
            throw new InvalidInput("percent", "must be a whole number from 0 to 100");
        }
        Optional<String> why = FreeText.optional("reason", reason);
        Optional<RolloutStage> current = plans.current();
        int from = current.map(RolloutStage::percent).orElse(0);
        SloReport report = levels.report();
        if (percent > from && report.shouldHaltRollout()) {
            throw new RolloutHalted(report.mostConsumed(), report.haltReason().orElseThrow());
        }
        RolloutStage next =
                new RolloutStage(
                        current.map(RolloutStage::id).orElse(0L) + 1,
                        percent,
                        from,
                        percent > from ? StageChange.ADVANCE : StageChange.RETREAT,
                        why,
                        clock.instant(),
                        actor,
                        owner,
                        report.measured(),
                        Optional.empty());
        transactions.inTransaction(
                () -> {
                    if (!plans.append(next)) {
                        throw new IllegalTransition(
                                "The rollout plan changed while this change was made: read it"
                                        + " again (GET /dcl/admin/rollout/plan) and decide anew.");
                    }
                    audit.recordSetting(
                            owner,
                            actor,
                            next.decidedAt(),
                            SETTING,
                            describe(current),
                            describe(Optional.of(next)),
                            why);
                    return next;
                });
        rollout.stageRead(Optional.of(next), System.nanoTime());
        LOG.info(
                () ->
                        "Rollout plan set to "
                                + percent
                                + " % by "
                                + actor
                                + " (was "
                                + from
                                + " %)"
                                + why.map(w -> ": " + w).orElse(""));
        return next;
    }

    @Override
    public SloReport check() {
        // while the store is out the flush fails (StoreUnavailable, to the schedule): the counts
        // wait in the tally, and nothing is judged or changed
        tally.flush(buckets);
        // counts older than two windows can no longer matter to anyone
        buckets.forgetBefore(clock.instant().minus(levels.retention()));
        Optional<RolloutStage> stage = plans.current();
        holdMismatched(stage);
        SloReport report = levels.reportOn(stage);
        stage.ifPresent(s -> act(s, report));
        return report;
    }

    private void act(RolloutStage stage, SloReport report) {
        if (stage.canRollBack() && report.shouldRollback()) {
            rollBack(stage, report.rollbackReason().orElseThrow(), report.measured());
        } else if (stage.percent() < 100
                && stage.haltedAt().isEmpty()
                && report.shouldHaltRollout()) {
            halt(stage, report.haltReason().orElseThrow());
        }
    }

    /**
     * Holds on its YAML each tenant whose comparisons mismatched on this node: the seed's "any
     * mismatch rolls back", for that tenant alone. A tenant that cannot be held now waits for the
     * next round, and never keeps the guard from judging the fleet.
     */
    private void holdMismatched(Optional<RolloutStage> stage) {
        List<RolloutSettings> unheld = new ArrayList<>();
        for (RolloutSettings compared : tally.takeMismatched()) {
            try {
                hold(compared, stage.map(RolloutStage::owner));
            } catch (RuntimeException failed) {
                unheld.add(compared);
                LOG.warning(
                        () ->
                                "Rollout: tenant "
                                        + compared.tenant().value()
                                        + " could not be held on its YAML this round ("
                                        + failed
                                        + "); tried again in the next");
            }
        }
        tally.putBackMismatched(unheld);
    }

    private void hold(RolloutSettings compared, Optional<TenantId> planOwner) {
        TenantId tenant = compared.tenant();
        Instant now = clock.instant();
        Optional<RolloutSettings> held =
                transactions.inTransaction(
                        () -> {
                            // settings changed since the comparison (its admin mended the folder,
                            // left or rejoined the plan) are no longer what it spoke of
                            Optional<RolloutSettings> before =
                                    tenants.find(tenant)
                                            .filter(RolloutSettings::followsPlan)
                                            .filter(
                                                    s ->
                                                            s.updatedAt()
                                                                    .equals(compared.updatedAt()));
                            if (before.isEmpty()) {
                                return Optional.empty();
                            }
                            RolloutSettings h =
                                    before.get().heldOnYaml(RolloutStage.GUARD.subject(), now);
                            // another node may have held it, or its admin changed it, first
                            if (!tenants.replace(before.get(), h)) {
                                return Optional.empty();
                            }
                            tenants.recordHold(tenant, now);
                            audit.recordSetting(
                                    tenant,
                                    RolloutStage.GUARD,
                                    now,
                                    RolloutService.SETTING,
                                    RolloutService.describe(before.get()),
                                    RolloutService.describe(h),
                                    Optional.of(HELD_REASON));
                            notifications.tenantHeld(
                                    h, HELD_REASON, planOwner.filter(o -> !o.equals(tenant)));
                            return Optional.of(h);
                        });
        held.ifPresent(
                h -> {
                    rollout.saved(h);
                    LOG.warning(
                            () ->
                                    "Rollout: tenant "
                                            + tenant.value()
                                            + " held on its YAML, off the plan: "
                                            + HELD_REASON);
                });
    }

    private void halt(RolloutStage stage, String reason) {
        Instant now = clock.instant();
        boolean marked =
                transactions.inTransaction(
                        () -> {
                            if (!plans.markHalted(stage.id(), now)) {
                                return false;
                            }
                            audit.recordSetting(
                                    stage.owner(),
                                    RolloutStage.GUARD,
                                    now,
                                    SETTING,
                                    describe(Optional.of(stage)),
                                    describe(Optional.of(stage)) + ", halted",
                                    Optional.of(reason));
                            notifications.stageEvent(
                                    RolloutNotifications.HALTED, haltedAt(stage, now), reason);
                            return true;
                        });
        if (marked) {
            LOG.warning(
                    () ->
                            "Rollout halted at "
                                    + stage.percent()
                                    + " %: it cannot advance while "
                                    + reason);
        }
    }

    private void rollBack(RolloutStage stage, String reason, SloBaseline measured) {
        RolloutStage back =
                new RolloutStage(
                        stage.id() + 1,
                        stage.previousPercent(),
                        stage.percent(),
                        StageChange.ROLLBACK,
                        Optional.of(reason),
                        clock.instant(),
                        RolloutStage.GUARD,
                        stage.owner(),
                        measured,
                        Optional.empty());
        boolean appended =
                transactions.inTransaction(
                        () -> {
                            if (!plans.append(back)) {
                                return false;
                            }
                            audit.recordSetting(
                                    stage.owner(),
                                    RolloutStage.GUARD,
                                    back.decidedAt(),
                                    SETTING,
                                    describe(Optional.of(stage)),
                                    describe(Optional.of(back)),
                                    Optional.of(reason));
                            notifications.stageEvent(
                                    RolloutNotifications.ROLLED_BACK, back, reason);
                            return true;
                        });
        if (appended) {
            rollout.stageRead(Optional.of(back), System.nanoTime());
            LOG.warning(
                    () ->
                            "Rollout rolled back automatically from "
                                    + stage.percent()
                                    + " % to "
                                    + back.percent()
                                    + " %: "
                                    + reason);
        }
    }

    private static RolloutStage haltedAt(RolloutStage s, Instant at) {
        return new RolloutStage(
                s.id(),
                s.percent(),
                s.previousPercent(),
                s.change(),
                s.reason(),
                s.decidedAt(),
                s.decidedBy(),
                s.owner(),
                s.baseline(),
                Optional.of(at));
    }

    static String describe(Optional<RolloutStage> stage) {
        return stage.map(
                        s ->
                                "percent="
                                        + s.percent()
                                        + ", stage="
                                        + s.id()
                                        + ", change="
                                        + s.change().wireName())
                .orElse("percent=0, stage=none");
    }
}
