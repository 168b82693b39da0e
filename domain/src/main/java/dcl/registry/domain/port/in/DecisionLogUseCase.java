package dcl.registry.domain.port.in;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.function.Consumer;

/** A tenant's decision audit trail: read as a stream, or summed up as a report. */
public interface DecisionLogUseCase {
    /** The tenant's matching decisions, oldest first, one at a time. */
    void each(TenantId tenant, DecisionQuery query, Consumer<Decision> each);

    /** The report over [{@code from}, {@code to}). */
    DecisionReport report(TenantId tenant, Instant from, Instant to);
}
