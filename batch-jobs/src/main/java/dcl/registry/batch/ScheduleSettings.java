package dcl.registry.batch;

import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The nightly schedule's settings. Cron expressions follow Jakarta Concurrency's CronTrigger
 * ({@code [seconds] minutes hours day-of-month month day-of-week}); empty means off.
 */
@Dependent
public class ScheduleSettings {
    static final String PARITY_CRON = "dcl.schedule.parity.cron";
    static final String PARITY_TENANTS = "dcl.schedule.parity.tenants";
    static final String PARITY_PATH = "dcl.schedule.parity.path";
    static final String BACKUP_CRON = "dcl.schedule.backup.cron";
    static final String BACKUP_PATH = "dcl.schedule.backup.path";
    static final String BACKUP_KEEP = "dcl.schedule.backup.keep";
    static final String ZONE = "dcl.schedule.zone";
    static final String DECISION_RETENTION_CRON = "dcl.schedule.decision-retention.cron";
    static final String DECISION_RETENTION_DAYS = "dcl.decisions.retention.days";
    static final String DECISION_RETENTION_MAX = "dcl.decisions.retention.max-decisions";

    private final Config config = ConfigProvider.getConfig();

    Optional<String> parityCron() {
        return config.getOptionalValue(PARITY_CRON, String.class).filter(s -> !s.isBlank());
    }

    Optional<String> backupCron() {
        return config.getOptionalValue(BACKUP_CRON, String.class).filter(s -> !s.isBlank());
    }

    /** Decision retention runs nightly unless turned off with an empty expression. */
    Optional<String> decisionRetentionCron() {
        return Optional.of(
                        config.getOptionalValue(DECISION_RETENTION_CRON, String.class)
                                .orElse("0 3 * * *"))
                .filter(s -> !s.isBlank());
    }

    /** How long decisions are kept (90 days unless configured). */
    Duration decisionRetention() {
        return Duration.ofDays(
                config.getOptionalValue(DECISION_RETENTION_DAYS, Integer.class).orElse(90));
    }

    /** How many decisions are kept at most per tenant: the trail's size bound. */
    long decisionRetentionMax() {
        return config.getOptionalValue(DECISION_RETENTION_MAX, Long.class).orElse(1_000_000L);
    }

    List<String> parityTenants() {
        return Arrays.stream(
                        config.getOptionalValue(PARITY_TENANTS, String.class)
                                .orElse("default")
                                .split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * The legacy folder the nightly parity check reads, relative to each listed tenant's jobs
     * folder.
     */
    String parityPath() {
        return config.getOptionalValue(PARITY_PATH, String.class).orElse("legacy");
    }

    /** The folder nightly backups (of all tenants) go into, relative to the jobs root. */
    String backupPath() {
        return config.getOptionalValue(BACKUP_PATH, String.class).orElse("backups/nightly");
    }

    int backupKeep() {
        return config.getOptionalValue(BACKUP_KEEP, Integer.class).orElse(7);
    }

    ZoneId zone() {
        return ZoneId.of(config.getOptionalValue(ZONE, String.class).orElse("UTC"));
    }

    /** Every broken setting, each naming its property; empty when all are fine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("UTC");
        try {
            zone = zone();
        } catch (RuntimeException e) {
            problems.add(
                    ZONE
                            + ": '"
                            + config.getOptionalValue(ZONE, String.class).orElse("")
                            + "' is not a time zone id such as UTC or Europe/Paris");
        }
        for (String property : List.of(PARITY_CRON, BACKUP_CRON, DECISION_RETENTION_CRON)) {
            Optional<String> cron =
                    config.getOptionalValue(property, String.class).filter(s -> !s.isBlank());
            if (cron.isPresent()) {
                try {
                    new CronTrigger(cron.get(), zone);
                } catch (RuntimeException e) {
                    problems.add(
                            property
                                    + ": '"
                                    + cron.get()
                                    + "' is not a cron expression ([seconds] minutes hours"
                                    + " day-of-month month day-of-week, e.g. '0 2 * * *' for 02:00"
                                    + " daily): "
                                    + e.getMessage());
                }
            }
        }
        try {
            if (backupKeep() < 1) {
                problems.add(BACKUP_KEEP + " must be at least 1");
            }
        } catch (RuntimeException e) {
            problems.add(BACKUP_KEEP + " must be a whole number");
        }
        try {
            if (decisionRetention().toDays() < 1) {
                problems.add(DECISION_RETENTION_DAYS + " must be at least 1");
            }
        } catch (RuntimeException e) {
            problems.add(DECISION_RETENTION_DAYS + " must be a whole number of days");
        }
        try {
            if (decisionRetentionMax() < 1) {
                problems.add(DECISION_RETENTION_MAX + " must be at least 1");
            }
        } catch (RuntimeException e) {
            problems.add(DECISION_RETENTION_MAX + " must be a whole number");
        }
        return problems;
    }
}
