package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shadow settings per tenant and the comparisons made under them. */
public interface ShadowStore {
    Optional<ShadowSettings> settings(TenantId tenant);

    /** Starts (or restarts) the tenant's shadow: comparisons count from its {@code since}. */
    void start(ShadowSettings settings);

    /** Stops the tenant's shadow; answers whether one ran. */
    boolean stop(TenantId tenant);

    void compared(ShadowComparison comparison);

    /**
     * Forgets comparisons made before {@code before}, and those no running shadow counts (made
     * before its start, or for a tenant whose shadow stopped); answers how many.
     */
    long forgetBefore(Instant before);

    /**
     * Comparisons of the running shadow with the configuration version serving now, per serving
     * strategy (compared, top-1, top-3).
     */
    List<ServingCounts> counts(ShadowSettings settings, long servingVersion);

    /** The newest of those comparisons that disagreed at top-1. */
    List<ShadowComparison> disagreements(ShadowSettings settings, long servingVersion, int limit);

    record ServingCounts(String serving, long compared, long agreedTop1, long agreedTop3) {}
}
