package dcl.registry.batch;

import dcl.registry.domain.job.JobParameters;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The parameters of the running job, as its starter set them. {@code owner} is the tenant's id, or
 * for a job over all tenants a marker no tenant id can take.
 */
record JobRun(
        long instanceId, String owner, Actor actor, Path path, boolean dryRun, boolean allTenants) {
    static JobRun of(JobContext context) {
        Properties p = BatchRuntime.getJobOperator().getParameters(context.getExecutionId());
        return new JobRun(
                context.getInstanceId(),
                p.getProperty(JobParameters.TENANT),
                new Actor(p.getProperty(JobParameters.ACTOR)),
                Path.of(p.getProperty(JobParameters.PATH)),
                Boolean.parseBoolean(p.getProperty(JobParameters.DRY_RUN)),
                Boolean.parseBoolean(p.getProperty(JobParameters.ALL_TENANTS)));
    }

    /** The tenant a tenant's job works for (a job over all tenants has none). */
    TenantId tenant() {
        return new TenantId(owner);
    }
}
