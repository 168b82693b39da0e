package dcl.registry.batch;

import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.json.spi.JsonProvider;

/** Ends a job as FAILED with the reason in its report, where the starter looks. */
final class JobFailure {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JobFailure() {}

    static String fail(RecordJobProgressUseCase records, JobRun run, String reason) {
        JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                .set("error", JSON.createValue(reason))
                .save(records);
        throw new IllegalStateException(reason);
    }
}
