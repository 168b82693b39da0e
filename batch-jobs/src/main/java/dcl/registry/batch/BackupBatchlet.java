package dcl.registry.batch;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.BackUpRegistryUseCase;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every registry table of one tenant (or all) to compressed JSON Lines, with a manifest of counts
 * and checksums.
 */
@Named
@Dependent
public class BackupBatchlet extends AbstractBatchlet {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject JobContext job;
    @Inject BackUpRegistryUseCase tables;
    @Inject RecordJobProgressUseCase records;

    @Override
    public String process() throws IOException {
        JobRun run = JobRun.of(job);
        Optional<TenantId> scope = run.allTenants() ? Optional.empty() : Optional.of(run.tenant());
        Path folder = run.path();
        if (Files.exists(folder.resolve(BackupFiles.MANIFEST))) {
            return JobFailure.fail(
                    records, run, "the folder already holds a backup; choose a new folder");
        }
        Files.createDirectories(folder);
        List<JsonObject> files = new ArrayList<>();
        JsonArrayBuilder manifestFiles = JSON.createArrayBuilder();
        long total = 0;
        for (String table : tables.tables()) {
            String name = BackupFiles.fileOf(table);
            long rows;
            String sha256;
            try (BackupFiles.LineWriter writer = new BackupFiles.LineWriter(folder.resolve(name))) {
                rows = tables.export(table, scope, writer::line);
                sha256 = writer.sha256Hex();
            }
            total += rows;
            JsonObject file =
                    JSON.createObjectBuilder()
                            .add("name", name)
                            .add("table", table)
                            .add("records", rows)
                            .add("sha256", sha256)
                            .build();
            files.add(file);
            manifestFiles.add(file);
        }
        JsonObject manifest =
                JSON.createObjectBuilder()
                        .add("format", BackupFiles.FORMAT)
                        .add("createdAt", Instant.now().toString())
                        .add("scope", scope.map(TenantId::value).orElse("all-tenants"))
                        .add("files", manifestFiles)
                        .build();
        Files.writeString(folder.resolve(BackupFiles.MANIFEST), manifest.toString());
        JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                .total(total)
                .advance(total, 0)
                .set("scope", JSON.createValue(scope.map(TenantId::value).orElse("all-tenants")))
                .append("files", files)
                .save(records);
        return "COMPLETED";
    }
}
