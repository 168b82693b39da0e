package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/** Body of {@code POST /dcl/jobs/{name}}; every field optional but {@code path}. */
public record StartJobRequest(String path, Boolean dryRun, Boolean allTenants) {
    /** The job {@code name} with these parameters; no body is no parameters. */
    static JobRequest toJobRequest(
            StartJobRequest body, String name, TenantId tenant, Actor actor, boolean operator) {
        StartJobRequest request = body == null ? new StartJobRequest(null, null, null) : body;
        return new JobRequest(
                tenant,
                actor,
                operator,
                JobKind.parse(name),
                Optional.ofNullable(request.path()),
                Boolean.TRUE.equals(request.dryRun()),
                Boolean.TRUE.equals(request.allTenants()));
    }
}
