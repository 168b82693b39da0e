package dcl.registry.batch;

import dcl.registry.application.JobService;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import java.nio.file.Path;
import java.util.Properties;

/** The parameters of the running job, as JobService set them. */
record JobRun(long instanceId, TenantId tenant, Actor actor, Path path, boolean dryRun, boolean allTenants) {
  static JobRun of(JobContext context) {
    Properties p = BatchRuntime.getJobOperator().getParameters(context.getExecutionId());
    return new JobRun(
        context.getInstanceId(),
        new TenantId(p.getProperty(JobService.TENANT)),
        new Actor(p.getProperty(JobService.ACTOR)),
        Path.of(p.getProperty(JobService.PATH)),
        Boolean.parseBoolean(p.getProperty(JobService.DRY_RUN)),
        Boolean.parseBoolean(p.getProperty(JobService.ALL_TENANTS)));
  }
}
