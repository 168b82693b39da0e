package dcl.registry.domain.port.out;

import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import java.time.Instant;
import java.util.Optional;

/** Where tenants' rollout settings are kept (shared by all nodes). */
public interface RolloutStore {
    Optional<RolloutSettings> find(TenantId tenant);

    void save(RolloutSettings settings);

    /**
     * Saves {@code next} only while the stored settings are still {@code current} (the same source
     * of truth, saved at the same instant).
     *
     * @return false when another node or an admin changed them first: nothing was saved
     */
    boolean replace(RolloutSettings current, RolloutSettings next);

    /** The tenants that follow the fleet's plan, in tenant id order. */
    Page<RolloutSettings> followingPlan(PageRequest page);

    long countFollowingPlan();

    /** Remembers that the guard held {@code tenant} on its YAML at {@code at}. */
    void recordHold(TenantId tenant, Instant at);

    /** How many distinct tenants the guard held at or after {@code since}. */
    long countHeldSince(Instant since);
}
