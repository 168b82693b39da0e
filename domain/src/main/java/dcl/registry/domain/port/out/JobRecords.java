package dcl.registry.domain.port.out;

import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import java.util.Optional;
import java.util.Set;

/** Progress and report of each job instance, kept with the registry's data (survives restarts). */
public interface JobRecords {
    Optional<JobRecord> find(long instanceId);

    /**
     * The records of these owners (at least one: tenant ids, or the owner of jobs over all
     * tenants), newest instance first: the runtime numbers instances in the order they start.
     */
    Page<JobRecord> newestFirst(Set<String> owners, PageRequest page);

    /** Creates or replaces the record of an instance (called by the job as it goes). */
    void save(JobRecord record);

    /**
     * Creates the record of a job just started, unless the job has written its own already: a job
     * that fails before its first progress is still listed, and one that got ahead keeps its
     * progress.
     */
    void register(JobRecord record);
}
