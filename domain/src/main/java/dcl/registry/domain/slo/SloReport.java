package dcl.registry.domain.slo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SLOs over the window and what they mean for a rollout in progress: whether it may advance,
 * and whether it must roll back, each with the measured reason.
 *
 * @param measured the window's error rate and p95: the baseline of a stage that begins now
 */
public record SloReport(
        Duration window,
        List<SloStatus> slos,
        SloBaseline measured,
        Optional<String> haltReason,
        Optional<String> rollbackReason) {
    public SloReport {
        slos = List.copyOf(slos);
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
