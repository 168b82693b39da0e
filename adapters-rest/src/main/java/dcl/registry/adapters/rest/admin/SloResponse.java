package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.slo.SloReport;
import dcl.registry.domain.slo.SloStatus;
import java.util.List;

/**
 * The SLOs over the window across all nodes and what they mean for the rollout, with the measured
 * reasons, and any halt or rollback set aside because one tenant's own traffic alone explains it.
 */
public record SloResponse(
        String window,
        List<Slo> slos,
        boolean shouldHaltRollout,
        boolean shouldRollback,
        String haltReason,
        String rollbackReason,
        List<String> setAside) {
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

    /**
     * @param reader the reader's tenant: named in a halt or rollback set aside for its own traffic,
     *     while any other tenant stays unnamed
     */
    static SloResponse from(SloReport r, TenantId reader) {
        return new SloResponse(
                r.window().toString(),
                r.slos().stream().map(Slo::from).toList(),
                r.shouldHaltRollout(),
                r.shouldRollback(),
                r.haltReason().orElse(null),
                r.rollbackReason().orElse(null),
                r.setAside().stream()
                        .map(s -> s.describe(s.tenant().equals(reader.value())))
                        .toList());
    }
}
