package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupLogTest {
    @Test
    void givenAValidLookupTheCacheAnswered_whenWritten_thenTheLineNamesWhoWhatAndHow() {
        Map<String, String> fields =
                Map.of(
                        LogFields.TENANT, "acme",
                        LogFields.CONNECTOR, "salesforce",
                        LogFields.TABLE, "Opportunity",
                        LogFields.FIELD, "Amount",
                        LogFields.CACHE_HIT, "true");
        assertEquals(
                "Lookup acme salesforce/Opportunity/Amount: 200 in 1.250 ms, cache hit",
                LookupLog.message(fields, 200, Duration.ofNanos(1_250_000)));
    }

    @Test
    void givenALookupTheDatabaseAnswered_whenWritten_thenTheLineSaysCacheMiss() {
        Map<String, String> fields =
                Map.of(
                        LogFields.TENANT, "acme",
                        LogFields.CONNECTOR, "hubspot",
                        LogFields.TABLE, "deals",
                        LogFields.FIELD, "amount",
                        LogFields.CACHE_HIT, "false");
        assertEquals(
                "Lookup acme hubspot/deals/amount: 404 in 12.000 ms, cache miss",
                LookupLog.message(fields, 404, Duration.ofMillis(12)));
    }

    @Test
    void givenALookupRefusedBeforeItsInputWasValid_whenWritten_thenOnlyStatusAndTime() {
        assertEquals(
                "Lookup: 400 in 0.300 ms",
                LookupLog.message(Map.of(), 400, Duration.ofNanos(300_000)));
    }
}
