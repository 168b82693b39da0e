package dcl.registry.batch;

import dcl.registry.application.JobPaths;
import dcl.registry.application.JobService;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.JobRunner;
import dcl.registry.domain.port.out.ScheduleClaims;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly parity check and backup, on cron expressions from MicroProfile Config (validated
 * before the application starts, see {@link ScheduleSettings}). On several nodes, each slot runs
 * once: the node that claims it in PostgreSQL starts the job.
 */
@ApplicationScoped
public class NightlySchedule {
    static final String SYSTEM_ACTOR = "scheduler";
    private static final Logger LOG = Logger.getLogger(NightlySchedule.class.getName());
    private static final DateTimeFormatter FOLDER =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Inject ScheduleSettings settings;
    @Inject JobRunner runner;
    @Inject ScheduleClaims claims;
    @Inject JobPaths paths;
    @Resource ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> planned = new ArrayList<>();
    private final String node = ManagementName.current();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ZoneId zone = settings.zone();
        settings.parityCron()
                .ifPresent(
                        cron ->
                                planned.add(
                                        scheduler.schedule(
                                                () -> runParity(zone),
                                                new CronTrigger(cron, zone))));
        settings.backupCron()
                .ifPresent(
                        cron ->
                                planned.add(
                                        scheduler.schedule(
                                                () -> runBackup(zone),
                                                new CronTrigger(cron, zone))));
        LOG.info(
                () ->
                        "Nightly schedule: parity "
                                + settings.parityCron().orElse("off")
                                + " for tenants "
                                + settings.parityTenants()
                                + ", backup "
                                + settings.backupCron().orElse("off")
                                + " keeping "
                                + settings.backupKeep()
                                + " ("
                                + zone
                                + ")");
    }

    void runParity(ZoneId zone) {
        Instant slot = slot();
        if (!claims.claim("parity", slot, node)) {
            return;
        }
        for (String tenant : settings.parityTenants()) {
            try {
                start(
                        JobKind.PARITY_CHECK,
                        tenant,
                        paths.forTenant(new TenantId(tenant), settings.parityPath()).toString(),
                        false);
            } catch (RuntimeException unusable) {
                // one misconfigured tenant must not cost the others their nightly check
                LOG.log(
                        Level.SEVERE,
                        "Scheduled parity-check for " + tenant + " could not start",
                        unusable);
            }
        }
    }

    void runBackup(ZoneId zone) {
        Instant slot = slot();
        if (!claims.claim("backup", slot, node)) {
            return;
        }
        Path folder =
                paths.acrossTenants(settings.backupPath())
                        .resolve(FOLDER.format(ZonedDateTime.ofInstant(slot, ZoneId.of("UTC"))));
        start(JobKind.BACKUP, JobService.ALL_TENANTS_OWNER, folder.toString(), true);
    }

    private void start(JobKind kind, String tenant, String path, boolean allTenants) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(JobService.TENANT, tenant);
        parameters.put(JobService.ACTOR, SYSTEM_ACTOR);
        parameters.put(JobService.PATH, path);
        parameters.put(JobService.DRY_RUN, "false");
        parameters.put(JobService.ALL_TENANTS, Boolean.toString(allTenants));
        if (kind == JobKind.BACKUP) {
            parameters.put(RetentionBatchlet.KEEP, Integer.toString(settings.backupKeep()));
            parameters.put(
                    RetentionBatchlet.ROOT, paths.acrossTenants(settings.backupPath()).toString());
        }
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

    /** The planned time of the run in progress, to the minute: what every node agrees on. */
    private static Instant slot() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        planned.forEach(f -> f.cancel(false));
    }

    /** A name for this node in claims and logs. */
    static final class ManagementName {
        private ManagementName() {}

        static String current() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
