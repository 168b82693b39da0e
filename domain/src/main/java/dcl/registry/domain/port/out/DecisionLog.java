package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.function.Consumer;

/** The durable record of every decision the intelligence made, per tenant. */
public interface DecisionLog {
    /** Part of the transaction that stores what the decision produced. */
    void record(Decision decision);

    /**
     * Hands the tenant's matching decisions to {@code each}, oldest first, read in chunks: any
     * number of them in bounded memory.
     */
    void each(TenantId tenant, DecisionQuery query, Consumer<Decision> each);

    /** Forgets decisions made before {@code before}, of every tenant; answers how many. */
    long forgetBefore(Instant before);

    /** Forgets the oldest decisions beyond the newest {@code keep}, of every tenant. */
    long keepNewest(long keep);
}
