package dcl.registry.application;

import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobParameters;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RunScheduledJobsUseCase;
import dcl.registry.domain.port.out.JobRunner;
import dcl.registry.domain.port.out.ScheduleClaims;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the nightly jobs as the {@code scheduler} actor, once per slot across all nodes (the slot
 * is claimed first). A job that cannot start is logged, never thrown: the schedule goes on.
 */
public class ScheduledJobService implements RunScheduledJobsUseCase {
    static final String SYSTEM_ACTOR = "scheduler";
    private static final Logger LOG = Logger.getLogger(ScheduledJobService.class.getName());
    private static final DateTimeFormatter FOLDER =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final JobRunner runner;
    private final ScheduleClaims claims;
    private final JobPaths paths;
    private final DecisionService decisions;
    private final ShadowService shadows;

    public ScheduledJobService(
            JobRunner runner,
            ScheduleClaims claims,
            JobPaths paths,
            DecisionService decisions,
            ShadowService shadows) {
        this.runner = runner;
        this.claims = claims;
        this.paths = paths;
        this.decisions = decisions;
        this.shadows = shadows;
    }

    @Override
    public void forgetOldDecisions(Instant slot, String node, Duration maxAge, long keep) {
        if (!claims.claim("decision-retention", slot, node)) {
            return;
        }
        try {
            decisions.enforceRetention(maxAge, keep);
            shadows.forgetOldComparisons(maxAge);
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Decision retention could not run", failed);
        }
    }

    @Override
    public void checkParity(Instant slot, String node, List<String> tenants, String legacyPath) {
        if (!claims.claim("parity", slot, node)) {
            return;
        }
        for (String tenant : tenants) {
            try {
                start(
                        JobKind.PARITY_CHECK,
                        tenant,
                        paths.forTenant(new TenantId(tenant), legacyPath).toString(),
                        false,
                        Map.of());
            } catch (RuntimeException unusable) {
                // one misconfigured tenant must not cost the others their nightly check
                LOG.log(
                        Level.SEVERE,
                        "Scheduled parity-check for " + tenant + " could not start",
                        unusable);
            }
        }
    }

    @Override
    public void backUp(Instant slot, String node, String backupPath, int keep) {
        if (!claims.claim("backup", slot, node)) {
            return;
        }
        Path root = paths.acrossTenants(backupPath);
        Path folder = root.resolve(FOLDER.format(ZonedDateTime.ofInstant(slot, ZoneId.of("UTC"))));
        start(
                JobKind.BACKUP,
                JobParameters.ALL_TENANTS_OWNER,
                folder.toString(),
                true,
                Map.of(
                        JobParameters.BACKUP_KEEP,
                        Integer.toString(keep),
                        JobParameters.BACKUP_ROOT,
                        root.toString()));
    }

    private void start(
            JobKind kind,
            String tenant,
            String path,
            boolean allTenants,
            Map<String, String> specific) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(JobParameters.TENANT, tenant);
        parameters.put(JobParameters.ACTOR, SYSTEM_ACTOR);
        parameters.put(JobParameters.PATH, path);
        parameters.put(JobParameters.DRY_RUN, "false");
        parameters.put(JobParameters.ALL_TENANTS, Boolean.toString(allTenants));
        parameters.putAll(specific);
        try {
            long id = runner.start(kind, parameters);
            LOG.info(
                    () ->
                            "Scheduled "
                                    + kind.wireName()
                                    + " started for "
                                    + tenant
                                    + " as execution "
                                    + id);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Scheduled " + kind.wireName() + " for " + tenant + " could not start",
                    e);
        }
    }
}
