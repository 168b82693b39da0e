package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.job.JobView;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** A job: what it is, how far it got, and its report so far. */
public record JobResponse(
        long executionId,
        String name,
        String status,
        String startedBy,
        String startedAt,
        String endedAt,
        Progress progress,
        JsonObject report) {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Items in all, done, failed. */
    public record Progress(long total, long processed, long failed) {}

    static JobResponse from(JobView job) {
        return new JobResponse(
                job.executionId(),
                job.kind().wireName(),
                job.status(),
                job.startedBy(),
                job.startedAt().map(Object::toString).orElse(null),
                job.endedAt().map(Object::toString).orElse(null),
                new Progress(
                        job.progress().total(),
                        job.progress().processed(),
                        job.progress().failed()),
                report(job.reportJson()));
    }

    static JsonObject report(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
