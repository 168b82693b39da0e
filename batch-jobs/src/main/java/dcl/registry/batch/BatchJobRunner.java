package dcl.registry.batch;

import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.port.out.JobRunner;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobInstanceException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The Jakarta Batch runtime behind the JobRunner port. */
@ApplicationScoped
public class BatchJobRunner implements JobRunner {
    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    @Override
    public long start(JobKind kind, Map<String, String> parameters) {
        Properties properties = new Properties();
        properties.putAll(parameters);
        return operator().start(kind.wireName(), properties);
    }

    @Override
    public long restart(long executionId) {
        return operator().restart(executionId, operator().getParameters(executionId));
    }

    @Override
    public Optional<Run> run(long executionId) {
        try {
            return Optional.of(
                    run(
                            operator().getJobInstance(executionId).getInstanceId(),
                            operator().getJobExecution(executionId)));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Run> latestRun(long instanceId) {
        try {
            return operator().getJobExecutions(new Instance(instanceId)).stream()
                    .max(Comparator.comparingLong(JobExecution::getExecutionId))
                    .map(execution -> run(instanceId, execution));
        } catch (NoSuchJobInstanceException e) {
            return Optional.empty();
        }
    }

    private static Run run(long instanceId, JobExecution execution) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Properties properties = execution.getJobParameters();
        if (properties != null) {
            properties
                    .stringPropertyNames()
                    .forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        return new Run(
                execution.getExecutionId(),
                instanceId,
                JobKind.parse(execution.getJobName()),
                execution.getBatchStatus().name(),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                parameters);
    }

    /**
     * An instance known by its id alone: the operator has no look-up by instance id, and reads only
     * the id of the instance it is given (Open Liberty's does).
     */
    private record Instance(long id) implements JobInstance {
        @Override
        public long getInstanceId() {
            return id;
        }

        @Override
        public String getJobName() {
            throw new UnsupportedOperationException("only the instance id is known");
        }
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
