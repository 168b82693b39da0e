package dcl.registry.batch;

import dcl.registry.domain.job.JobProgress;
import dcl.registry.domain.job.JobRecord;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * A job's report as it grows chunk by chunk: counters are added, lists appended. Saved with each
 * chunk, in the chunk's transaction, so a restarted job continues the same report.
 */
final class JobReport {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JobRecord base;
    private JsonObject report;
    private JobProgress progress;

    private JobReport(JobRecord base) {
        this.base = base;
        this.report = parse(base.reportJson());
        this.progress = base.progress();
    }

    static JobReport of(
            RecordJobProgressUseCase records, long instanceId, String tenant, String startedBy) {
        return new JobReport(
                records.find(instanceId)
                        .orElse(
                                new JobRecord(
                                        instanceId, tenant, startedBy, JobProgress.NONE, "{}")));
    }

    JsonObject current() {
        return report;
    }

    private JobReport put(String key, JsonValue value) {
        report = JSON.createObjectBuilder(report).add(key, value).build();
        return this;
    }

    JobReport total(long total) {
        progress = new JobProgress(total, progress.processed(), progress.failed());
        return this;
    }

    JobReport advance(long processed, long failed) {
        progress =
                new JobProgress(
                        progress.total(),
                        progress.processed() + processed,
                        progress.failed() + failed);
        return this;
    }

    JobReport add(String counter, long delta) {
        JsonValue now = report.get(counter);
        long value = now instanceof JsonNumber n ? n.longValue() : 0;
        return put(counter, JSON.createValue(value + delta));
    }

    JobReport set(String key, JsonValue value) {
        return put(key, value);
    }

    JobReport set(String key, boolean value) {
        return put(key, value ? JsonValue.TRUE : JsonValue.FALSE);
    }

    JobReport append(String list, List<JsonObject> items) {
        JsonArrayBuilder array =
                JSON.createArrayBuilder(
                        report.containsKey(list)
                                ? report.getJsonArray(list)
                                : JsonValue.EMPTY_JSON_ARRAY);
        items.forEach(array::add);
        return put(list, array.build());
    }

    JobReport countInto(String map, Map<String, Long> deltas) {
        JsonObject existing =
                report.containsKey(map) ? report.getJsonObject(map) : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder merged = JSON.createObjectBuilder(existing);
        deltas.forEach(
                (key, delta) ->
                        merged.add(
                                key,
                                (existing.containsKey(key)
                                                ? existing.getJsonNumber(key).longValue()
                                                : 0)
                                        + delta));
        return put(map, merged.build());
    }

    void save(RecordJobProgressUseCase records) {
        records.save(
                new JobRecord(
                        base.instanceId(),
                        base.tenant(),
                        base.startedBy(),
                        progress,
                        report.toString()));
    }

    static List<JsonObject> problems(List<LegacyProblem> problems) {
        return problems.stream()
                .map(
                        p -> {
                            JsonObjectBuilder o = JSON.createObjectBuilder().add("file", p.file());
                            nullable(o, "table", p.table());
                            nullable(o, "field", p.field());
                            return o.add("reason", p.reason()).build();
                        })
                .toList();
    }

    static JsonObjectBuilder nullable(JsonObjectBuilder o, String key, String value) {
        return value == null ? o.addNull(key) : o.add(key, value);
    }

    private static JsonObject parse(String json) {
        try (var reader =
                JSON.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            return reader.readObject();
        }
    }
}
