package dcl.registry.batch;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordJobProgressUseCase;
import dcl.registry.domain.port.in.RestoreRegistryUseCase;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies a backup completely (every checksum and count) before touching anything, then restores
 * it into empty tables in one transaction. A corrupt, truncated or foreign backup is refused.
 */
@Named
@Dependent
public class RestoreBatchlet extends AbstractBatchlet {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(RestoreBatchlet.class.getName());

    @Inject JobContext job;
    @Inject RestoreRegistryUseCase tables;
    @Inject RecordJobProgressUseCase records;

    @Override
    public String process() throws IOException {
        JobRun run = JobRun.of(job);
        Path folder = run.path();
        JsonObject manifest;
        Map<String, Path> files = new LinkedHashMap<>();
        long total = 0;
        try {
            manifest = BackupFiles.manifest(folder);
            String scope = manifest.getString("scope", "");
            if ("all-tenants".equals(scope) != run.allTenants()) {
                throw new BackupFiles.BackupRejected(
                        run.allTenants()
                                ? "this is a backup of tenant "
                                        + scope
                                        + "; restore it without allTenants, as that tenant"
                                : "this is a backup of all tenants; an operator restores it with"
                                        + " allTenants");
            }
            if (!run.allTenants() && !scope.equals(run.owner())) {
                throw new BackupFiles.BackupRejected("this is a backup of another tenant");
            }
            for (JsonValue value : manifest.getJsonArray("files")) {
                JsonObject file = value.asJsonObject();
                Path path = folder.resolve(file.getString("name")).normalize();
                if (!path.startsWith(folder) || !Files.isRegularFile(path)) {
                    throw new BackupFiles.BackupRejected(file.getString("name") + " is missing");
                }
                try {
                    BackupFiles.verify(
                            path,
                            file.getString("sha256"),
                            file.getJsonNumber("records").longValue());
                } catch (java.io.EOFException | java.util.zip.ZipException e) {
                    throw new BackupFiles.BackupRejected(
                            file.getString("name") + " is truncated or corrupt: " + e.getMessage());
                }
                files.put(file.getString("table"), path);
                total += file.getJsonNumber("records").longValue();
            }
            Optional<TenantId> target =
                    run.allTenants() ? Optional.empty() : Optional.of(run.tenant());
            Optional<String> occupied = tables.occupied(target);
            if (occupied.isPresent()) {
                throw new BackupFiles.BackupRejected(occupied.get());
            }
        } catch (BackupFiles.BackupRejected e) {
            return JobFailure.fail(
                    records, run, "backup refused, nothing restored: " + e.getMessage());
        }

        List<BufferedReader> open = new ArrayList<>();
        try {
            Map<String, Iterator<String>> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Path> file : files.entrySet()) {
                BufferedReader reader = BackupFiles.lines(file.getValue());
                open.add(reader);
                rows.put(file.getKey(), reader.lines().iterator());
            }
            Map<String, Long> restored = tables.restore(rows);
            var counts = JSON.createObjectBuilder();
            restored.forEach(counts::add);
            JobReport.of(records, run.instanceId(), run.owner(), run.actor().subject())
                    .total(total)
                    .advance(total, 0)
                    .set("restored", counts.build())
                    .save(records);
            return "COMPLETED";
        } finally {
            closeAll(open);
        }
    }

    /** Read-only files: a failed close loses nothing, so it must not hide how the restore ended. */
    private static void closeAll(List<BufferedReader> readers) {
        for (BufferedReader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "A backup file could not be closed after the restore", e);
            }
        }
    }
}
