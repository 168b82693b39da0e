package dcl.registry.domain.slo;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * SLO counts kept apart per tenant, so that a breach one tenant's own traffic explains can be told
 * from the fleet's. The key {@link #NO_TENANT} holds reads no tenant was named for.
 */
public final class TenantSloCounts {
    /** The key of counts that belong to no tenant. */
    public static final String NO_TENANT = "";

    private final Map<String, SloCounts> byTenant;
    private final SloCounts total;

    public TenantSloCounts(Map<String, SloCounts> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
        this.total = this.byTenant.values().stream().reduce(SloCounts.none(), SloCounts::plus);
    }

    public static TenantSloCounts none() {
        return new TenantSloCounts(Map.of());
    }

    /** Every tenant's counts together: what the fleet's SLOs report. */
    public SloCounts total() {
        return total;
    }

    /** The fleet's counts without that tenant's. */
    public SloCounts without(String tenant) {
        return without(Set.of(tenant));
    }

    /** The fleet's counts without those tenants'. */
    public SloCounts without(Collection<String> tenants) {
        SloCounts rest = total;
        for (String tenant : new HashSet<>(tenants)) {
            SloCounts own = byTenant.get(tenant);
            if (own != null) {
                rest = rest.minus(own);
            }
        }
        return rest;
    }

    public Set<String> tenants() {
        return byTenant.keySet();
    }

    public SloCounts of(String tenant) {
        return byTenant.getOrDefault(tenant, SloCounts.none());
    }

    @Override
    public String toString() {
        return "TenantSloCounts" + byTenant;
    }
}
