package dcl.registry.adapters.persistence.cache;

import dcl.registry.domain.model.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's cache hits and misses per tenant since they were last taken, for the SLO counts: so
 * that one tenant's misses can be told from the fleet's. A tenant once seen keeps its two counters
 * (taking them resets them without losing a concurrent count).
 */
public final class RuntimeCacheReads {
    /** One tenant's cache reads since the last take. */
    public record Taken(long hits, long misses) {}

    private final Map<TenantId, AtomicLong[]> byTenant = new ConcurrentHashMap<>();

    void count(TenantId tenant, boolean hit) {
        byTenant
                .computeIfAbsent(
                        tenant, t -> new AtomicLong[] {new AtomicLong(), new AtomicLong()})[
                hit ? 0 : 1]
                .incrementAndGet();
    }

    /** What each tenant read since the last call; tenants without reads are left out. */
    public Map<TenantId, Taken> take() {
        Map<TenantId, Taken> taken = new HashMap<>();
        byTenant.forEach(
                (tenant, counts) -> {
                    long hits = counts[0].getAndSet(0);
                    long misses = counts[1].getAndSet(0);
                    if (hits > 0 || misses > 0) {
                        taken.put(tenant, new Taken(hits, misses));
                    }
                });
        return taken;
    }
}
