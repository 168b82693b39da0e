package dcl.registry.adapters.persistence.cache;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cache's configuration (MicroProfile Config, env var = upper-cased name with '_'), checked at
 * start: a wrong value stops the application with a message naming the property.
 */
@Dependent // read field by field by its users: a client proxy would hide the values
public class CacheSettings {
    /** How nodes find each other. */
    public static final Set<String> DISCOVERIES =
            Set.of("local", "static", "multicast", "kubernetes", "ec2", "google", "azure");

    public static final Set<String> WARMINGS = Set.of("none", "small-tenants");

    @Inject
    @ConfigProperty(name = "dcl.cache.discovery", defaultValue = "static")
    String discovery;

    @Inject
    @ConfigProperty(name = "dcl.cache.cluster", defaultValue = "dcl-registry")
    String cluster;

    @Inject
    @ConfigProperty(name = "dcl.cache.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "dcl.cache.port", defaultValue = "7800")
    int port;

    @Inject
    @ConfigProperty(name = "dcl.cache.members", defaultValue = "127.0.0.1[7800]")
    String members;

    @Inject
    @ConfigProperty(name = "dcl.cache.max-entries", defaultValue = "200000")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "dcl.cache.max-misses", defaultValue = "50000")
    long maxMisses;

    @Inject
    @ConfigProperty(name = "dcl.cache.expiry", defaultValue = "PT10M")
    String expiry;

    /**
     * How long after a write's invalidation the second removal follows, closing the window in which
     * a read that started before the commit puts the old value back.
     */
    @Inject
    @ConfigProperty(name = "dcl.cache.invalidation.second-pass", defaultValue = "PT0.3S")
    String secondPass;

    @Inject
    @ConfigProperty(name = "dcl.cache.warm", defaultValue = "small-tenants")
    String warm;

    @Inject
    @ConfigProperty(name = "dcl.cache.warm.max-tenant-mappings", defaultValue = "5000")
    int warmMaxTenantMappings;

    @Inject
    @ConfigProperty(name = "dcl.cache.warm.max-entries", defaultValue = "100000")
    int warmMaxEntries;

    /** Every broken setting, named; empty when all are fine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!DISCOVERIES.contains(discovery())) {
            problems.add("dcl.cache.discovery='" + discovery + "' is not one of " + DISCOVERIES);
        }
        if (port < 1 || port > 65535) {
            problems.add("dcl.cache.port=" + port + " must be a TCP port (1-65535)");
        }
        if (maxEntries < 1 || maxMisses < 1) {
            problems.add("dcl.cache.max-entries and dcl.cache.max-misses must be positive");
        }
        try {
            if (expiryDuration().isNegative() || expiryDuration().isZero()) {
                problems.add("dcl.cache.expiry must be positive, e.g. PT10M");
            }
        } catch (RuntimeException e) {
            problems.add(
                    "dcl.cache.expiry='" + expiry + "' is not an ISO-8601 duration such as PT10M");
        }
        try {
            if (secondPassDuration().isNegative() || secondPassDuration().isZero()) {
                problems.add("dcl.cache.invalidation.second-pass must be positive, e.g. PT0.3S");
            }
        } catch (RuntimeException e) {
            problems.add(
                    "dcl.cache.invalidation.second-pass='"
                            + secondPass
                            + "' is not an ISO-8601 duration such as PT0.3S");
        }
        if (!WARMINGS.contains(warm)) {
            problems.add("dcl.cache.warm='" + warm + "' is not one of " + WARMINGS);
        }
        return problems;
    }

    String discovery() {
        return discovery.toLowerCase(Locale.ROOT);
    }

    Duration expiryDuration() {
        return Duration.parse(expiry);
    }

    Duration secondPassDuration() {
        return Duration.parse(secondPass);
    }

    boolean clustered() {
        return !"local".equals(discovery());
    }

    boolean warmSmallTenants() {
        return "small-tenants".equals(warm);
    }

    String describe() {
        return "discovery="
                + discovery
                + ", cluster="
                + cluster
                + ", bind="
                + bindAddress
                + ":"
                + port
                + ", members="
                + members
                + ", max-entries="
                + maxEntries
                + ", max-misses="
                + maxMisses
                + ", expiry="
                + expiry
                + ", warm="
                + warm;
    }
}
