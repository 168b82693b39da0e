package dcl.registry.batch;

import dcl.registry.domain.legacy.ImportTally;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.port.in.ImportLegacyMappingsUseCase;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** Upserts one chunk of verdicts and adds its tally to the report, in the chunk's transaction. */
@Named
@Dependent
public class LegacyImportWriter extends AbstractItemWriter {
    @Inject JobContext job;
    @Inject ImportLegacyMappingsUseCase importer;
    @Inject RecordJobProgressUseCase records;

    @Override
    public void writeItems(List<Object> items) {
        JobRun run = JobRun.of(job);
        List<LegacyEntryRules.Verdict> verdicts =
                items.stream().map(i -> (LegacyEntryRules.Verdict) i).toList();
        ImportTally tally =
                importer.importEntries(
                        run.tenant(),
                        run.actor(),
                        verdicts,
                        run.dryRun(),
                        Optional.of("yaml-import job " + job.getExecutionId()));
        JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                .set("dryRun", run.dryRun())
                .add("imported", tally.imported())
                .add("updated", tally.updated())
                .add("unchanged", tally.unchanged())
                .append("rejected", JobReport.problems(tally.rejected()))
                .advance(items.size(), tally.rejected().size())
                .save(records);
    }
}
