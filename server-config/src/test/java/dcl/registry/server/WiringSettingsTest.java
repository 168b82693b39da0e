package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WiringSettingsTest {
    private static WiringSettings read(Map<String, String> config) {
        return new WiringSettings(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void givenNothingConfigured_whenRead_thenTheDefaultsTheWiringAlwaysHad() {
        WiringSettings settings = read(Map.of());
        assertEquals(List.of(), settings.problems());
        assertEquals(Duration.ofSeconds(10), settings.rolloutRefresh());
        assertEquals(Duration.ofMinutes(30), settings.rolloutMaxStale());
        assertEquals(Duration.ofSeconds(30), settings.legacyRefresh());
        assertEquals(Duration.ofSeconds(5), settings.canonicalRefresh());
        assertEquals(Duration.ofMillis(200), settings.changesPoll());
        assertEquals(Duration.ofSeconds(2), settings.semanticIndexCatchUp());
        assertEquals(1_000, settings.semanticIndexCatchUpBatch());
        assertEquals(Duration.ofSeconds(1), settings.webhookDelivery());
        assertEquals(50, settings.webhookDeliveryBatch());
        assertEquals(0.01, settings.lookupLogSampleRate());
    }

    @Test
    void givenValuesConfigured_whenRead_thenTheyAreUsed() {
        WiringSettings settings =
                read(
                        Map.of(
                                WiringSettings.ROLLOUT_REFRESH,
                                " PT3S ",
                                "dcl.legacy.refresh",
                                "PT0S"));
        assertEquals(Duration.ofSeconds(3), settings.rolloutRefresh());
        assertEquals(Duration.ZERO, settings.legacyRefresh(), "zero: read the folder every time");
    }

    @Test
    void givenLookupSampleRatesFromZeroToOne_whenRead_thenEachIsUsed() {
        for (String rate : new String[] {"0", "0.25", " 1 ", "1.0"}) {
            WiringSettings settings = read(Map.of(WiringSettings.LOOKUP_LOG_SAMPLE_RATE, rate));
            assertEquals(List.of(), settings.problems(), rate);
            assertEquals(Double.parseDouble(rate.strip()), settings.lookupLogSampleRate());
        }
    }

    @Test
    void givenTheLookupFastPathSetting_whenTrueOrFalse_thenUsedElseNamedAsAProblem() {
        assertTrue(read(Map.of()).lookupFastPath());
        assertFalse(read(Map.of(WiringSettings.LOOKUP_FAST_PATH, " FALSE ")).lookupFastPath());
        for (String word : new String[] {"yes", "off", "0", ""}) {
            assertEquals(
                    List.of("dcl.lookup.fast-path=" + word + " must be true or false"),
                    read(Map.of(WiringSettings.LOOKUP_FAST_PATH, word)).problems());
        }
    }

    @Test
    void givenLookupSampleRatesOutsideZeroToOne_whenChecked_thenEachIsNamedAsAProblem() {
        for (String rate : new String[] {"-0.01", "1.5", "10%", "NaN", ""}) {
            assertEquals(
                    List.of(
                            "dcl.log.lookups.sample-rate="
                                    + rate
                                    + " must be a number from 0 to 1"),
                    read(Map.of(WiringSettings.LOOKUP_LOG_SAMPLE_RATE, rate)).problems());
        }
    }

    @Test
    void givenNonsenseValues_whenChecked_thenEachIsNamedAsAProblem() {
        WiringSettings settings =
                read(
                        Map.of(
                                WiringSettings.ROLLOUT_REFRESH, "PT0S",
                                WiringSettings.ROLLOUT_MAX_STALE, "-PT1M",
                                WiringSettings.CHANGES_POLL, "200ms",
                                WiringSettings.INDEX_CATCH_UP_BATCH, "0",
                                WiringSettings.WEBHOOK_DELIVERY_BATCH, "lots"));
        assertEquals(
                List.of(
                        "dcl.rollout.refresh=PT0S must be positive",
                        "dcl.rollout.max-stale=PT-1M must not be negative",
                        "dcl.changes.poll-interval=200ms is not an ISO-8601 duration such as"
                                + " PT0.2S",
                        "dcl.semantic-index.catch-up-batch=0 must be a whole number from 1 to"
                                + " 100000",
                        "dcl.webhooks.delivery-batch=lots must be a whole number from 1 to 100000"),
                settings.problems());
    }
}
