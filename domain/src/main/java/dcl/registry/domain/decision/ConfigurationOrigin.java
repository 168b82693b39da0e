package dcl.registry.domain.decision;

import java.util.Locale;

/** Where the configuration a tenant's proposals follow comes from. */
public enum ConfigurationOrigin {
    /** The installation's settings ({@code dcl.intelligence.*}): nothing set for the tenant. */
    INSTALLATION,
    /** Set for this tenant by its admin. */
    TENANT,
    /** The fleet's staged strategy rollout has reached this tenant. */
    ROLLOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
