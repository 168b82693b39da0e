package dcl.registry.domain.port.in;

import dcl.registry.domain.job.JobRequest;
import dcl.registry.domain.job.JobView;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;

/** Admins start jobs and follow them. */
public interface RunJobsUseCase {
    /** Starts the job asynchronously; returns its execution id. */
    long start(JobRequest request);

    /**
     * Restarts a stopped or failed job where it stopped; returns the new execution id. A tenant's
     * job is the tenant's alone; a job over all tenants belongs to operators ({@code operator})
     * only.
     */
    long restart(TenantId tenant, boolean operator, long executionId);

    /**
     * A job as {@link #restart} may see it: the tenant's own, or (operators) one over all tenants.
     */
    JobView view(TenantId tenant, boolean operator, long executionId);

    /**
     * The jobs {@link #view} may see, newest first: one item per job, as of its latest execution (a
     * restart continues the same job). A job shows once it has recorded its first progress.
     */
    Page<JobView> recent(TenantId tenant, boolean operator, PageRequest page);
}
