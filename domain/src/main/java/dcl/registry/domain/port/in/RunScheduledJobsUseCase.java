package dcl.registry.domain.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The nightly jobs. However many nodes share the schedule, each slot's jobs start on one: the node
 * that claims the slot.
 */
public interface RunScheduledJobsUseCase {
    /**
     * Starts the parity check of each listed tenant against its folder {@code legacyPath}; a tenant
     * that cannot start costs the others nothing.
     */
    void checkParity(Instant slot, String node, List<String> tenants, String legacyPath);

    /**
     * Starts a backup of all tenants into a new folder under {@code backupPath}, named after the
     * slot, keeping the newest {@code keep} backups there.
     */
    void backUp(Instant slot, String node, String backupPath, int keep);

    /**
     * Enforces the decision audit trail's retention: forgets decisions older than {@code maxAge},
     * then each tenant's oldest beyond its newest {@code keep}; and shadow comparisons older than
     * {@code maxAge} or no longer counted.
     */
    void forgetOldDecisions(Instant slot, String node, Duration maxAge, long keep);
}
