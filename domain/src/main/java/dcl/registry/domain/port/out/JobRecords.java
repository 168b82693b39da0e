package dcl.registry.domain.port.out;

import dcl.registry.domain.job.JobProgress;
import java.util.Optional;

/** Progress and report of each job instance, kept with the registry's data (survives restarts). */
public interface JobRecords {
    Optional<Record> find(long instanceId);

    /** Creates or replaces the record of an instance (called by the job as it goes). */
    void save(Record record);

    /** The state of one job instance. */
    record Record(
            long instanceId,
            String tenant,
            String startedBy,
            JobProgress progress,
            String reportJson) {}
}
