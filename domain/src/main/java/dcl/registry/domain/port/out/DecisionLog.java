package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable record of every decision the intelligence made, per tenant. */
public interface DecisionLog {
    /** Part of the transaction that stores what the decision produced. */
    void record(Decision decision);

    /**
     * The tenant's matching decisions after {@code after} (in the order of time, then id), oldest
     * first, at most {@code limit}: read page by page, each in a short transaction, any number of
     * them fits in bounded memory.
     */
    List<Decision> page(TenantId tenant, DecisionQuery query, Optional<Decision> after, int limit);

    /** Forgets decisions made before {@code before}, of every tenant; answers how many. */
    long forgetBefore(Instant before);

    /**
     * Forgets each tenant's oldest decisions beyond its newest {@code keep}: a busy tenant never
     * costs another its trail.
     */
    long keepNewest(long keep);
}
