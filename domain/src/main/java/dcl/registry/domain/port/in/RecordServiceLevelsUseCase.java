package dcl.registry.domain.port.in;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import java.util.Optional;

/**
 * What a node observes for its SLOs, counted in memory per tenant and added to the shared buckets
 * by {@link GuardRolloutUseCase#check}.
 */
public interface RecordServiceLevelsUseCase {
    /**
     * A runtime read (lookup, table set, list or search) was answered.
     *
     * @param tenant the tenant the caller's token names; empty when it named none
     * @param lookup whether it was a single lookup (judged for latency)
     * @param serverError whether it failed on the service's side (5xx)
     */
    void readAnswered(Optional<TenantId> tenant, boolean lookup, boolean serverError, long nanos);

    /** A tenant's cache reads since the last call. */
    void cacheReads(TenantId tenant, long hits, long misses);

    /**
     * A dual-read comparison of a tenant that follows the fleet's plan, made under {@code
     * comparedUnder}. A mismatch also marks the tenant to be held on its YAML by the next {@link
     * GuardRolloutUseCase#check}, as long as its settings are still those.
     */
    void dualRead(RolloutSettings comparedUnder, boolean matched);
}
