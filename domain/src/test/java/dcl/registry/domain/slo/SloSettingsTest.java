package dcl.registry.domain.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SloSettingsTest {
    private static final SloSettings SEED = SloSettings.seedDefaults();

    private static SloSettings with(
            double availability,
            double cacheHitTarget,
            double cacheHitFloor,
            Duration window,
            Duration bucket,
            double haltAt,
            double rollbackAt) {
        return new SloSettings(
                availability,
                SEED.latencyThreshold(),
                SEED.latencyTarget(),
                cacheHitTarget,
                cacheHitFloor,
                window,
                bucket,
                SEED.minReads(),
                haltAt,
                rollbackAt,
                SEED.errorRateRise(),
                SEED.p95Rise());
    }

    private static String refusal(
            double availability,
            double cacheHitTarget,
            double cacheHitFloor,
            Duration window,
            Duration bucket,
            double haltAt,
            double rollbackAt) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                with(
                                        availability,
                                        cacheHitTarget,
                                        cacheHitFloor,
                                        window,
                                        bucket,
                                        haltAt,
                                        rollbackAt))
                .getMessage();
    }

    @Test
    void givenTheSeed_whenRead_thenItsNumbers() {
        assertEquals(0.999, SEED.availabilityTarget());
        assertEquals(Duration.ofMillis(50), SEED.latencyThreshold());
        assertEquals(0.95, SEED.latencyTarget());
        assertEquals(0.90, SEED.cacheHitTarget());
        assertEquals(0.80, SEED.cacheHitFloor());
        assertEquals(Duration.ofHours(1), SEED.window());
        assertEquals(Duration.ofSeconds(10), SEED.bucket());
        assertEquals(100, SEED.minReads());
        assertEquals(0.5, SEED.haltAt());
        assertEquals(0.9, SEED.rollbackAt());
        assertEquals(0.05, SEED.errorRateRise());
        assertEquals(Duration.ofMillis(100), SEED.p95Rise());
    }

    @Test
    void givenABucketAsLongAsTheWindow_whenBuilt_thenAccepted() {
        SloSettings s =
                with(0.99, 0.9, 0.8, Duration.ofMinutes(1), Duration.ofMinutes(1), 0.5, 0.9);
        assertEquals(s.window(), s.bucket());
    }

    @Test
    void givenAFloorAtOrAboveItsTarget_whenBuilt_thenRefusedNamingTheFloor() {
        Duration h = Duration.ofHours(1);
        Duration b = Duration.ofSeconds(10);
        assertEquals(
                "the cache-hit floor (0.9) must be below its target (0.9)",
                refusal(0.999, 0.9, 0.9, h, b, 0.5, 0.9));
        assertTrue(refusal(0.999, 0.9, 0.95, h, b, 0.5, 0.9).contains("cache-hit floor (0.95)"));
    }

    @Test
    void givenABucketLongerThanTheWindow_whenBuilt_thenRefused() {
        assertEquals(
                "the bucket (PT2H) must not be longer than the window (PT1H)",
                refusal(0.999, 0.9, 0.8, Duration.ofHours(1), Duration.ofHours(2), 0.5, 0.9));
    }

    @Test
    void givenATargetOfOne_whenBuilt_thenRefusedForLeavingNoBudget() {
        Duration h = Duration.ofHours(1);
        Duration b = Duration.ofSeconds(10);
        assertEquals(
                "the availability must be a share between 0 and 1 (got 1.0)",
                refusal(1.0, 0.9, 0.8, h, b, 0.5, 0.9));
        assertTrue(refusal(0.999, 1.0, 0.8, h, b, 0.5, 0.9).contains("cache-hit target"));
        assertTrue(refusal(0.0, 0.9, 0.8, h, b, 0.5, 0.9).contains("availability"));
    }

    @Test
    void givenHaltAtNotBelowRollbackAt_whenBuilt_thenRefused() {
        Duration h = Duration.ofHours(1);
        Duration b = Duration.ofSeconds(10);
        assertEquals(
                "budget thresholds need 0 < halt-at (0.9) < rollback-at (0.9) <= 10",
                refusal(0.999, 0.9, 0.8, h, b, 0.9, 0.9));
        assertTrue(refusal(0.999, 0.9, 0.8, h, b, 0.95, 0.9).contains("halt-at (0.95)"));
        assertTrue(refusal(0.999, 0.9, 0.8, h, b, 0.0, 0.9).contains("halt-at (0.0)"));
        assertTrue(refusal(0.999, 0.9, 0.8, h, b, 0.5, 11).contains("rollback-at (11.0)"));
    }

    @Test
    void givenAZeroWindowOrBucket_whenBuilt_thenRefused() {
        assertTrue(
                refusal(0.999, 0.9, 0.8, Duration.ZERO, Duration.ZERO, 0.5, 0.9)
                        .startsWith("the window must be positive"));
        assertTrue(
                refusal(0.999, 0.9, 0.8, Duration.ofHours(1), Duration.ofSeconds(-1), 0.5, 0.9)
                        .startsWith("the bucket must be positive"));
    }
}
