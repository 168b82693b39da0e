package dcl.registry.domain.slo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SLOs over the window and what they mean for a rollout in progress: whether it may advance,
 * and whether it must roll back, each with the measured reason.
 *
 * @param measured the window's error rate and p95: the baseline of a stage that begins now
 * @param setAside each halt or rollback the fleet's figures call for but that one tenant's own
 *     traffic alone explains, and so does not move the plan; said here so that it is never silent
 */
public record SloReport(
        Duration window,
        List<SloStatus> slos,
        SloBaseline measured,
        Optional<String> haltReason,
        Optional<String> rollbackReason,
        List<SetAside> setAside) {
    public SloReport {
        slos = List.copyOf(slos);
        setAside = List.copyOf(setAside);
    }

    /**
     * A halt or rollback not acted on because one tenant's traffic alone explains it.
     *
     * @param act {@code halt} or {@code rollback}
     * @param tenant the tenant whose traffic explains it ({@link TenantSloCounts#NO_TENANT} for
     *     reads of none): for the service's logs and that tenant only, never for another tenant
     * @param reason the fleet's reason, as it would have been given
     */
    public record SetAside(String act, String tenant, String reason) {
        /** Said to a reader who may or may not be told which tenant it is. */
        public String describe(boolean nameTheTenant) {
            String who;
            if (tenant.equals(TenantSloCounts.NO_TENANT)) {
                who = "reads without a tenant";
            } else if (nameTheTenant) {
                who = "tenant " + tenant + "'s own traffic";
            } else {
                who = "one tenant's own traffic";
            }
            return act
                    + " set aside: "
                    + reason
                    + ", but "
                    + who
                    + " alone explains it (without it the fleet is within its objectives)";
        }
    }

    public boolean shouldHaltRollout() {
        return haltReason.isPresent();
    }

    public boolean shouldRollback() {
        return rollbackReason.isPresent();
    }

    /** The SLO whose budget is the most consumed. */
    public SloStatus mostConsumed() {
        return slos.stream()
                .max(java.util.Comparator.comparingDouble(SloStatus::budgetConsumed))
                .orElseThrow();
    }
}
