package dcl.registry.domain.job;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * A request to start a job. {@code path} is relative to the jobs root folder; {@code allTenants}
 * (backup, restore) is for operators only.
 */
public record JobRequest(
    TenantId tenant,
    Actor actor,
    boolean operator,
    JobKind kind,
    Optional<String> path,
    boolean dryRun,
    boolean allTenants) {}
