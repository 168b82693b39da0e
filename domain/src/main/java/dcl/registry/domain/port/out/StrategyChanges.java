package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Strategy configuration changes, per tenant and for the fleet's rollout, in PostgreSQL. */
public interface StrategyChanges {
    /** The newest change of the tenant's own (or, with empty, of the fleet's rollout). */
    Optional<StrategyChange> latest(Optional<TenantId> scope);

    /** The newest changes of the tenant and of the fleet's rollout, read together. */
    InForce inForce(TenantId tenant);

    /** The newest change of every scope. */
    List<StrategyChange> latestOfEveryScope();

    /**
     * Changes with an id above {@code id}, and those of the last minute (a change that took a lower
     * id may commit after a higher one), oldest first: what other nodes changed since.
     */
    List<StrategyChange> after(long id);

    /** The scope's changes, newest first. */
    List<StrategyChange> history(Optional<TenantId> scope, int limit);

    /**
     * Appends the change and answers it with its id; empty when another change of its scope took
     * its sequence first.
     */
    Optional<StrategyChange> append(StrategyChange change);

    record InForce(Optional<StrategyChange> own, Optional<StrategyChange> rollout) {}
}
