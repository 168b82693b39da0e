package dcl.registry.application;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.ServiceLevelsUseCase;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.slo.SloJudge;
import dcl.registry.domain.slo.SloReport;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The SLOs as every node counted them over the window; the rollout's newest stage is judged on what
 * happened since it began, against its baseline, when it is an advance (the only kind undone). A
 * halt or rollback one tenant's own traffic alone explains is set aside ({@link SloJudge}).
 */
public class ServiceLevelService implements ServiceLevelsUseCase {
    private final SloBuckets buckets;
    private final RolloutPlans plans;
    private final RolloutStore tenants;
    private final ServiceLevelTally tally;
    private final SloJudge judge;
    private final Clock clock;

    public ServiceLevelService(
            SloBuckets buckets,
            RolloutPlans plans,
            RolloutStore tenants,
            ServiceLevelTally tally,
            SloJudge judge,
            Clock clock) {
        this.buckets = buckets;
        this.plans = plans;
        this.tenants = tenants;
        this.tally = tally;
        this.judge = judge;
        this.clock = clock;
    }

    /** Adds this node's counts first, so that the answer includes what it saw a moment ago. */
    @Override
    public SloReport report() {
        tally.flush(buckets);
        return reportOn(plans.current());
    }

    SloReport reportOn(Optional<RolloutStage> stage) {
        Instant windowStart = clock.instant().minus(judge.settings().window());
        TenantSloCounts window = buckets.since(windowStart);
        Optional<RolloutStage> judged = stage.filter(RolloutStage::canRollBack);
        TenantSloCounts sinceStage =
                judged.map(s -> s.decidedAt().isAfter(windowStart) ? s.decidedAt() : windowStart)
                        .map(this::bucketHolding)
                        .map(buckets::since)
                        .orElse(TenantSloCounts.none());
        long held = judged.map(s -> tenants.countHeldSince(s.decidedAt())).orElse(0L);
        return judge.judge(
                window,
                sinceStage,
                judged.map(RolloutStage::baseline),
                held,
                // a stage is judged on the reads of the tenants it moved
                tenant -> judged.map(s -> s.moved(new TenantId(tenant))).orElse(false));
    }

    /**
     * The start of the bucket holding {@code at}: a stage is judged on its first bucket too (a
     * mismatch in its first seconds counts against it), at the price of a few seconds before it.
     */
    private Instant bucketHolding(Instant at) {
        long bucket = judge.settings().bucket().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), bucket) * bucket);
    }

    /** How long counts are kept: two windows, so a report never misses its oldest bucket. */
    java.time.Duration retention() {
        return judge.settings().window().multipliedBy(2);
    }
}
