package dcl.registry.batch;

import dcl.registry.domain.job.JobParameters;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * After a scheduled backup: keeps the newest {@code keep} backups under the backup root (folders
 * with a manifest, by name, which is their UTC time) and deletes older ones. Does nothing for
 * backups started by hand (no {@code keep} parameter).
 */
@Named
@Dependent
public class RetentionBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(RetentionBatchlet.class.getName());

    @Inject JobContext job;

    @Override
    public String process() throws IOException {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        if (parameters.getProperty(JobParameters.BACKUP_KEEP) == null) {
            return "SKIPPED";
        }
        int keep = Integer.parseInt(parameters.getProperty(JobParameters.BACKUP_KEEP));
        Path root = Path.of(parameters.getProperty(JobParameters.BACKUP_ROOT));
        List<Path> backups;
        try (var listing = Files.list(root)) {
            backups =
                    listing.filter(p -> Files.isRegularFile(p.resolve(BackupFiles.MANIFEST)))
                            .sorted(Comparator.comparing(Path::getFileName).reversed())
                            .toList();
        }
        for (Path old : backups.stream().skip(keep).toList()) {
            try (var tree = Files.walk(old)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            LOG.info(() -> "Backup retention: deleted " + old);
        }
        return "COMPLETED";
    }
}
