package dcl.registry.domain.decision;

import java.util.Locale;

/** How a strategy configuration changed. */
public enum StrategyChangeKind {
    /** An admin set the tenant's configuration. */
    SET,
    /** An operator staged the fleet's rollout of a configuration to a share of tenants. */
    ROLLOUT,
    /** One call put the previous configuration (and share) back. */
    ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
