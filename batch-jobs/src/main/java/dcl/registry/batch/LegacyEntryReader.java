package dcl.registry.batch;

import dcl.registry.domain.legacy.LegacyDocument;
import dcl.registry.domain.legacy.LegacyEntry;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.port.in.ReadLegacyFileUseCase;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every legacy file under the job's path (a file, or a folder's *.yaml / *.yml in name order)
 * and yields one verdict per entry: accepted, or rejected with its reason (whole-file problems
 * too). The checkpoint is the position in that list, so a restart goes on where the last chunk
 * committed.
 */
@Named
@Dependent
public class LegacyEntryReader extends AbstractItemReader {
    @Inject JobContext job;
    @Inject ReadLegacyFileUseCase files;
    @Inject RecordJobProgressUseCase records;

    private List<LegacyEntryRules.Verdict> verdicts;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        JobRun run = JobRun.of(job);
        List<LegacyEntry> entries = new ArrayList<>();
        List<LegacyProblem> fileProblems = new ArrayList<>();
        for (Path file : legacyFiles(run.path())) {
            try (InputStream in = Files.newInputStream(file)) {
                LegacyDocument document =
                        files.read(
                                run.path().equals(file)
                                        ? file.getFileName().toString()
                                        : run.path().relativize(file).toString(),
                                in);
                entries.addAll(document.entries());
                fileProblems.addAll(document.problems());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        verdicts =
                new ArrayList<>(
                        fileProblems.stream()
                                .map(
                                        p ->
                                                (LegacyEntryRules.Verdict)
                                                        new LegacyEntryRules.Rejected(p))
                                .toList());
        verdicts.addAll(LegacyEntryRules.judgeAll(entries));
        next = checkpoint == null ? 0 : (Integer) checkpoint;
        if (checkpoint == null) {
            JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                    .total(verdicts.size())
                    .save(records);
        }
    }

    @Override
    public Object readItem() {
        return next < verdicts.size() ? verdicts.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }

    static List<Path> legacyFiles(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (var listing = Files.walk(path)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
