package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.slo.SloReport;
import dcl.registry.domain.slo.SloStatus;
import java.util.List;

/**
 * The SLOs over the window across all nodes and what they mean for the rollout, with the measured
 * reasons.
 */
public record SloResponse(
        String window,
        List<Slo> slos,
        boolean shouldHaltRollout,
        boolean shouldRollback,
        String haltReason,
        String rollbackReason) {
    public record Slo(
            String name,
            double target,
            double actual,
            double budgetConsumed,
            double budgetRemaining,
            long events) {
        static Slo from(SloStatus s) {
            return new Slo(
                    s.name(),
                    s.target(),
                    s.actual(),
                    s.budgetConsumed(),
                    s.budgetRemaining(),
                    s.events());
        }
    }

    static SloResponse from(SloReport r) {
        return new SloResponse(
                r.window().toString(),
                r.slos().stream().map(Slo::from).toList(),
                r.shouldHaltRollout(),
                r.shouldRollback(),
                r.haltReason().orElse(null),
                r.rollbackReason().orElse(null));
    }
}
