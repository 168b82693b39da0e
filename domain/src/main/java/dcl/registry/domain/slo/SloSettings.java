package dcl.registry.domain.slo;

import java.time.Duration;

/**
 * The promises and the rollout's guard rails. Defaults are the seed's: availability 99.9 % of the
 * runtime's reads, 95 % of lookups within 50 ms (a 5 % budget), cache hits 90 % with an 80 % floor;
 * a rollout halts above 50 % of a budget consumed and rolls back above 90 %, or when the error rate
 * rises 5 points or p95 100 ms over the stage's baseline, or on any dual-read mismatch.
 *
 * @param window the span every budget is computed over, across nodes
 * @param bucket how finely nodes record their counts (a window holds many buckets)
 * @param minReads an SLO judged on fewer events than this (reads, lookups or cache reads, in the
 *     window or since a stage began) halts and rolls back nothing: one failure in three reads is
 *     noise, not a 33 % error rate
 */
public record SloSettings(
        double availabilityTarget,
        Duration latencyThreshold,
        double latencyTarget,
        double cacheHitTarget,
        double cacheHitFloor,
        Duration window,
        Duration bucket,
        long minReads,
        double haltAt,
        double rollbackAt,
        double errorRateRise,
        Duration p95Rise) {
    public static final String AVAILABILITY = "availability";
    public static final String LOOKUP_LATENCY = "lookup-latency";
    public static final String CACHE_HIT = "cache-hit";

    public SloSettings {
        requireShare("availability", availabilityTarget);
        requireShare("lookup-latency target", latencyTarget);
        requireShare("cache-hit target", cacheHitTarget);
        requireShare("cache-hit floor", cacheHitFloor);
        if (cacheHitFloor >= cacheHitTarget) {
            throw new IllegalArgumentException(
                    "the cache-hit floor ("
                            + cacheHitFloor
                            + ") must be below its target ("
                            + cacheHitTarget
                            + ")");
        }
        requirePositive("latency threshold", latencyThreshold);
        requirePositive("window", window);
        requirePositive("bucket", bucket);
        requirePositive("p95 rise", p95Rise);
        if (bucket.compareTo(window) > 0) {
            throw new IllegalArgumentException(
                    "the bucket ("
                            + bucket
                            + ") must not be longer than the window ("
                            + window
                            + ")");
        }
        if (minReads < 1) {
            throw new IllegalArgumentException("min-reads must be at least 1");
        }
        if (!(haltAt > 0 && haltAt < rollbackAt && rollbackAt <= 10)) {
            throw new IllegalArgumentException(
                    "budget thresholds need 0 < halt-at ("
                            + haltAt
                            + ") < rollback-at ("
                            + rollbackAt
                            + ") <= 10");
        }
        if (!(errorRateRise > 0 && errorRateRise < 1)) {
            throw new IllegalArgumentException(
                    "the error-rate rise must be a share between 0 and 1 (got "
                            + errorRateRise
                            + ")");
        }
    }

    public static SloSettings seedDefaults() {
        return new SloSettings(
                0.999,
                Duration.ofMillis(50),
                0.95,
                0.90,
                0.80,
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                100,
                0.5,
                0.9,
                0.05,
                Duration.ofMillis(100));
    }

    /** A target is a share strictly between 0 and 1: 1 would leave no budget at all. */
    private static void requireShare(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "the " + name + " must be a share between 0 and 1 (got " + value + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "the " + name + " must be positive (got " + value + ")");
        }
    }
}
