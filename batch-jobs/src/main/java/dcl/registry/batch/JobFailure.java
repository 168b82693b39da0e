package dcl.registry.batch;

import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.json.Json;

/** Ends a job as FAILED with the reason in its report, where the starter looks. */
final class JobFailure {
    private JobFailure() {}

    static String fail(RecordJobProgressUseCase records, JobRun run, String reason) {
        JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                .set("error", Json.createValue(reason))
                .save(records);
        throw new IllegalStateException(reason);
    }
}
