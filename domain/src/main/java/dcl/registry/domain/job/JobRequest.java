package dcl.registry.domain.job;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.TextRule;
import java.util.Optional;

/**
 * A request to start a job. {@code path} is relative to the jobs root folder; {@code allTenants}
 * (backup, restore) is for operators only; a path is at most {@value #MAX_PATH} characters without
 * control characters.
 */
public record JobRequest(
        TenantId tenant,
        Actor actor,
        boolean operator,
        JobKind kind,
        Optional<String> path,
        boolean dryRun,
        boolean allTenants) {
    public static final int MAX_PATH = 1024;

    public JobRequest {
        path.ifPresent(p -> TextRule.NAME.require("path", p, MAX_PATH));
    }
}
