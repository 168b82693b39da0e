package dcl.registry.domain.port.in;

import dcl.registry.domain.job.JobRecord;
import java.util.Optional;

/**
 * A running job keeps its progress and report, where the starter looks (see {@link RunJobsUseCase}
 * view); saved in the caller's transaction, so a chunk and its report commit together.
 */
public interface RecordJobProgressUseCase {
    Optional<JobRecord> find(long instanceId);

    /** Creates or replaces the record of an instance. */
    void save(JobRecord record);
}
