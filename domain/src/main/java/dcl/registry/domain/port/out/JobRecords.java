package dcl.registry.domain.port.out;

import dcl.registry.domain.job.JobRecord;
import java.util.Optional;

/** Progress and report of each job instance, kept with the registry's data (survives restarts). */
public interface JobRecords {
    Optional<JobRecord> find(long instanceId);

    /** Creates or replaces the record of an instance (called by the job as it goes). */
    void save(JobRecord record);
}
