package dcl.registry.domain.port.out;

import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Instant;

/**
 * Where every node adds its SLO counts, per node, time bucket and tenant, so that budgets are
 * computed over the window across all nodes.
 */
public interface SloBuckets {
    /**
     * Adds a tenant's {@code counts} to the node's bucket starting at {@code bucketStart}.
     *
     * @param tenant the tenant's id, or {@link TenantSloCounts#NO_TENANT}
     */
    void add(String node, Instant bucketStart, String tenant, SloCounts counts);

    /** All nodes' counts in buckets starting at or after {@code from}, per tenant. */
    TenantSloCounts since(Instant from);

    /** Forgets buckets that started before {@code cutoff}; returns how many went. */
    int forgetBefore(Instant cutoff);
}
