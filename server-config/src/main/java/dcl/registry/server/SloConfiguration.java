package dcl.registry.server;

import dcl.registry.domain.slo.SloSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The SLOs and the rollout guard from MicroProfile Config ({@code dcl.slo.*}, {@code
 * dcl.rollout.guard.*}; the seed's numbers by default), checked before the application starts by
 * {@link WiringSettingsCheck}: a value that is not a number or makes no sense (a floor above its
 * target, a window shorter than its bucket) stops it, naming the property.
 */
final class SloConfiguration {
    static final String AVAILABILITY = "dcl.slo.availability";
    static final String LATENCY_THRESHOLD = "dcl.slo.lookup-latency.threshold";
    static final String LATENCY_TARGET = "dcl.slo.lookup-latency.target";
    static final String CACHE_HIT_TARGET = "dcl.slo.cache-hit.target";
    static final String CACHE_HIT_FLOOR = "dcl.slo.cache-hit.floor";
    static final String WINDOW = "dcl.slo.window";
    static final String BUCKET = "dcl.slo.bucket";
    static final String MIN_READS = "dcl.slo.min-reads";
    static final String HALT_AT = "dcl.rollout.guard.halt-at";
    static final String ROLLBACK_AT = "dcl.rollout.guard.rollback-at";
    static final String ERROR_RATE_RISE = "dcl.rollout.guard.error-rate-rise";
    static final String P95_RISE = "dcl.rollout.guard.p95-rise";
    static final String INTERVAL = "dcl.rollout.guard.interval";

    private final Function<String, Optional<String>> config;

    SloConfiguration(Function<String, Optional<String>> config) {
        this.config = config;
    }

    static SloConfiguration configured() {
        return new SloConfiguration(
                name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    /**
     * @throws IllegalArgumentException naming the property that is wrong
     */
    SloSettings settings() {
        SloSettings seed = SloSettings.seedDefaults();
        try {
            return new SloSettings(
                    share(AVAILABILITY, seed.availabilityTarget()),
                    duration(LATENCY_THRESHOLD, seed.latencyThreshold()),
                    share(LATENCY_TARGET, seed.latencyTarget()),
                    share(CACHE_HIT_TARGET, seed.cacheHitTarget()),
                    share(CACHE_HIT_FLOOR, seed.cacheHitFloor()),
                    duration(WINDOW, seed.window()),
                    duration(BUCKET, seed.bucket()),
                    whole(MIN_READS, seed.minReads()),
                    share(HALT_AT, seed.haltAt()),
                    share(ROLLBACK_AT, seed.rollbackAt()),
                    share(ERROR_RATE_RISE, seed.errorRateRise()),
                    duration(P95_RISE, seed.p95Rise()));
        } catch (IllegalArgumentException nonsense) {
            if (nonsense.getMessage().startsWith("dcl.")) {
                throw nonsense;
            }
            throw new IllegalArgumentException(
                    "dcl.slo.* / dcl.rollout.guard.*: " + nonsense.getMessage(), nonsense);
        }
    }

    /** How often each node adds its counts to the shared buckets and judges the rollout. */
    Duration guardInterval() {
        Duration value = duration(INTERVAL, Duration.ofSeconds(15));
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(INTERVAL + "=" + value + " must be positive");
        }
        return value;
    }

    private double share(String name, double fallback) {
        String text = config.apply(name).map(String::strip).orElse(Double.toString(fallback));
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(name + "=" + text + " is not a number such as 0.95");
    }

    private long whole(String name, long fallback) {
        String text = config.apply(name).map(String::strip).orElse(Long.toString(fallback));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + "=" + text + " is not a whole number");
        }
    }

    private Duration duration(String name, Duration fallback) {
        String text = config.apply(name).map(String::strip).orElse(fallback.toString());
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException(
                    name + "=" + text + " is not an ISO-8601 duration such as " + fallback);
        }
    }
}
