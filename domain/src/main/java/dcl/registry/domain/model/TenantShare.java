package dcl.registry.domain.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each tenant's share of a node's limited concurrent work (shadow comparisons, calls to a model):
 * at most half of it, so that one tenant's slow or many requests always leave room for the others'.
 * Thread-safe; every {@link #tryEnter} that answered true is followed by one {@link #leave}.
 */
public final class TenantShare {
    private final int perTenant;
    private final Map<TenantId, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    private TenantShare(int perTenant) {
        this.perTenant = perTenant;
    }

    /** Half of a node's {@code limit}, rounded up, and at least one. */
    public static TenantShare halfOf(int limit) {
        return new TenantShare(Math.max(1, (limit + 1) / 2));
    }

    /** Whether the tenant may start one more, counted as started if so. */
    public boolean tryEnter(TenantId tenant) {
        AtomicInteger mine = inFlight.computeIfAbsent(tenant, t -> new AtomicInteger());
        if (mine.incrementAndGet() > perTenant) {
            mine.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave(TenantId tenant) {
        inFlight.get(tenant).decrementAndGet();
    }
}
