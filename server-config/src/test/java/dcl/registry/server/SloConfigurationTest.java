package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.slo.SloSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloConfigurationTest {
    private static SloConfiguration read(Map<String, String> config) {
        return new SloConfiguration(name -> Optional.ofNullable(config.get(name)));
    }

    private static String refusal(Map<String, String> config) {
        return assertThrows(IllegalArgumentException.class, () -> read(config).settings())
                .getMessage();
    }

    @Test
    void givenNothingConfigured_whenRead_thenTheSeedsNumbers() {
        SloConfiguration configuration = read(Map.of());
        assertEquals(SloSettings.seedDefaults(), configuration.settings());
        assertEquals(Duration.ofSeconds(15), configuration.guardInterval());
    }

    @Test
    void givenValuesConfigured_whenRead_thenTheyAreUsedStripped() {
        SloSettings settings =
                read(Map.of(
                                SloConfiguration.AVAILABILITY, " 0.99 ",
                                SloConfiguration.WINDOW, "PT30M",
                                SloConfiguration.MIN_READS, "500",
                                SloConfiguration.ROLLBACK_AT, "1.5",
                                SloConfiguration.P95_RISE, "PT0.25S"))
                        .settings();
        assertEquals(0.99, settings.availabilityTarget());
        assertEquals(Duration.ofMinutes(30), settings.window());
        assertEquals(500, settings.minReads());
        assertEquals(1.5, settings.rollbackAt());
        assertEquals(Duration.ofMillis(250), settings.p95Rise());
        assertEquals(SloSettings.seedDefaults().cacheHitFloor(), settings.cacheHitFloor());
    }

    @Test
    void givenABadNumber_whenRead_thenTheMessageNamesTheProperty() {
        assertEquals(
                "dcl.slo.availability=99.9% is not a number such as 0.95",
                refusal(Map.of(SloConfiguration.AVAILABILITY, "99.9%")));
        assertEquals(
                "dcl.rollout.guard.halt-at=NaN is not a number such as 0.95",
                refusal(Map.of(SloConfiguration.HALT_AT, "NaN")));
        assertEquals(
                "dcl.slo.min-reads=1e3 is not a whole number",
                refusal(Map.of(SloConfiguration.MIN_READS, "1e3")));
    }

    @Test
    void givenABadDuration_whenRead_thenTheMessageNamesThePropertyAndAnExample() {
        assertEquals(
                "dcl.slo.window=1h is not an ISO-8601 duration such as PT1H",
                refusal(Map.of(SloConfiguration.WINDOW, "1h")));
        assertEquals(
                "dcl.slo.lookup-latency.threshold=50ms is not an ISO-8601 duration such as PT0.05S",
                refusal(Map.of(SloConfiguration.LATENCY_THRESHOLD, "50ms")));
    }

    @Test
    void givenAFloorAboveItsTarget_whenRead_thenTheMessageNamesTheRule() {
        assertEquals(
                "dcl.slo.* / dcl.rollout.guard.*: the cache-hit floor (0.95) must be below its"
                        + " target (0.9)",
                refusal(Map.of(SloConfiguration.CACHE_HIT_FLOOR, "0.95")));
    }

    @Test
    void givenOtherNonsense_whenRead_thenTheMessageNamesTheRule() {
        assertEquals(
                "dcl.slo.* / dcl.rollout.guard.*: the bucket (PT2H) must not be longer than the"
                        + " window (PT1H)",
                refusal(Map.of(SloConfiguration.BUCKET, "PT2H")));
        assertEquals(
                "dcl.slo.* / dcl.rollout.guard.*: the availability must be a share between 0 and"
                        + " 1 (got 1.0)",
                refusal(Map.of(SloConfiguration.AVAILABILITY, "1")));
        assertEquals(
                "dcl.slo.* / dcl.rollout.guard.*: budget thresholds need 0 < halt-at (0.9) <"
                        + " rollback-at (0.9) <= 10",
                refusal(Map.of(SloConfiguration.HALT_AT, "0.9")));
        assertEquals(
                "dcl.slo.* / dcl.rollout.guard.*: min-reads must be at least 1",
                refusal(Map.of(SloConfiguration.MIN_READS, "0")));
    }

    @Test
    void givenANonPositiveGuardInterval_whenRead_thenTheMessageNamesTheProperty() {
        IllegalArgumentException zero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> read(Map.of(SloConfiguration.INTERVAL, "PT0S")).guardInterval());
        assertEquals("dcl.rollout.guard.interval=PT0S must be positive", zero.getMessage());
        assertEquals(
                Duration.ofSeconds(5),
                read(Map.of(SloConfiguration.INTERVAL, "PT5S")).guardInterval());
    }
}
