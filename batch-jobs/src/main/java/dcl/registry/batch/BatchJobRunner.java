package dcl.registry.batch;

import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.port.out.JobRunner;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
            JobExecution execution = operator().getJobExecution(executionId);
            Map<String, String> parameters = new LinkedHashMap<>();
            Properties properties = execution.getJobParameters();
            if (properties != null) {
                properties
                        .stringPropertyNames()
                        .forEach(name -> parameters.put(name, properties.getProperty(name)));
            }
            return Optional.of(
                    new Run(
                            operator().getJobInstance(executionId).getInstanceId(),
                            JobKind.parse(execution.getJobName()),
                            execution.getBatchStatus().name(),
                            instant(execution.getStartTime()),
                            instant(execution.getEndTime()),
                            parameters));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
