package dcl.registry.domain.port.out;

import dcl.registry.domain.job.JobKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The batch runtime: starts, restarts and reports on job executions. */
public interface JobRunner {
    long start(JobKind kind, Map<String, String> parameters);

    long restart(long executionId);

    /** The run of one execution, empty when the runtime does not know it. */
    Optional<Run> run(long executionId);

    /**
     * The latest run of an instance (each restart adds one), empty when the runtime does not know
     * the instance.
     */
    Optional<Run> latestRun(long instanceId);

    /**
     * Status and times of an execution; {@code instanceId} is shared by an execution and its
     * restarts.
     */
    record Run(
            long executionId,
            long instanceId,
            JobKind kind,
            String status,
            Optional<Instant> startedAt,
            Optional<Instant> endedAt,
            Map<String, String> parameters) {}
}
