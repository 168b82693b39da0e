package dcl.registry.batch;

import dcl.registry.domain.port.in.RunScheduledJobsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The nightly parity check and backup, on cron expressions from MicroProfile Config (validated
 * before the application starts, see {@link ScheduleSettings}). On several nodes, each slot runs
 * once: the node that claims it in PostgreSQL starts the job.
 */
@ApplicationScoped
public class NightlySchedule {
    private static final Logger LOG = Logger.getLogger(NightlySchedule.class.getName());

    @Inject ScheduleSettings settings;
    @Inject RunScheduledJobsUseCase jobs;
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
        settings.decisionRetentionCron()
                .ifPresent(
                        cron ->
                                planned.add(
                                        scheduler.schedule(
                                                this::runDecisionRetention,
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
                                + ", decision retention "
                                + settings.decisionRetentionCron().orElse("off")
                                + " keeping "
                                + settings.decisionRetention().toDays()
                                + " days, at most "
                                + settings.decisionRetentionMax()
                                + " decisions ("
                                + zone
                                + ")");
    }

    void runParity(ZoneId zone) {
        jobs.checkParity(slot(), node, settings.parityTenants(), settings.parityPath());
    }

    void runBackup(ZoneId zone) {
        jobs.backUp(slot(), node, settings.backupPath(), settings.backupKeep());
    }

    void runDecisionRetention() {
        jobs.forgetOldDecisions(
                slot(), node, settings.decisionRetention(), settings.decisionRetentionMax());
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
