package dcl.registry.domain.port.in;

import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.job.JobView;
import dcl.registry.domain.model.TenantId;

/** Admins start jobs and follow them. */
public interface RunJobsUseCase {
  /** Starts the job asynchronously; returns its execution id. */
  long start(JobRequest request);

  /** Restarts a stopped or failed job where it stopped; returns the new execution id. */
  long restart(TenantId tenant, long executionId);

  JobView view(TenantId tenant, long executionId);
}
