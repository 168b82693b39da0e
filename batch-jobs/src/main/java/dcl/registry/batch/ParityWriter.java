package dcl.registry.batch;

import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.legacy.ParityTally;
import dcl.registry.domain.port.in.CheckParityUseCase;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compares one chunk of legacy entries with the registry and adds the result to the report. */
@Named
@Dependent
public class ParityWriter extends AbstractItemWriter {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject JobContext job;
    @Inject CheckParityUseCase parity;
    @Inject RecordJobProgressUseCase records;

    @Override
    public void writeItems(List<Object> items) {
        JobRun run = JobRun.of(job);
        ParityTally tally =
                parity.compare(
                        run.tenant(),
                        items.stream().map(i -> (LegacyEntryRules.Verdict) i).toList());
        JobReport report =
                JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                        .add("compared", tally.compared())
                        .add("mismatchCount", tally.mismatches().size())
                        .append(
                                "mismatches",
                                tally.mismatches().stream().map(ParityWriter::json).toList())
                        .append("skipped", JobReport.problems(tally.skipped()))
                        .countInto("byConnector", count(tally, ParityMismatch::connector))
                        .countInto("byField", count(tally, ParityMismatch::field))
                        .countInto("byAttribute", count(tally, ParityMismatch::attribute))
                        .advance(items.size(), tally.mismatches().size() + tally.skipped().size());
        JsonObject sums = report.current();
        long compared = sums.getJsonNumber("compared").longValue();
        long mismatches = sums.getJsonNumber("mismatchCount").longValue();
        report.set(
                        "mismatchRate",
                        JSON.createValue(compared == 0 ? 0.0 : (double) mismatches / compared))
                .save(records);
    }

    private static Map<String, Long> count(
            ParityTally tally, java.util.function.Function<ParityMismatch, String> key) {
        return tally.mismatches().stream()
                .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static JsonObject json(ParityMismatch m) {
        var o =
                JSON.createObjectBuilder()
                        .add("connector", m.connector())
                        .add("table", m.table())
                        .add("field", m.field())
                        .add("attribute", m.attribute());
        JobReport.nullable(o, "expected", m.expected());
        JobReport.nullable(o, "actual", m.actual());
        return o.build();
    }
}
