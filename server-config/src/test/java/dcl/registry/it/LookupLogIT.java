package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampled lookup line in the server's JSON log (the test server samples every lookup): the
 * tenant, connector, table, field, whether the cache answered, the status and the duration, each a
 * JSON field of its own.
 */
class LookupLogIT extends DeployedRegistry {
    private static final String LOOKUP_LOGGER = "dcl.registry.adapters.rest.LookupLog";

    private final String tenant = Api.freshTenant();

    @Test
    void
            givenEveryLookupSampled_whenAFieldIsLookedUpTwiceAndAnotherMissed_thenEachHasItsJsonLine() {
        Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce", "Opportunity", "Amount", "opportunity", "amount"));
        assertEquals(201, created.status(), created.toString());
        // past the write's second invalidation pass (dcl.cache.invalidation.second-pass, 0.3 s),
        // which would otherwise remove what the first lookup cached on a slow machine
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

        assertEquals(200, runtime.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(200, runtime.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(404, runtime.get("/dcl/mappings/salesforce/Opportunity/Missing").status());

        List<JsonObject> lines =
                await("three lookup lines of tenant " + tenant + " in " + ServerLog.path())
                        .atMost(Duration.ofSeconds(20))
                        .until(this::lookupLines, found -> found.size() == 3);

        JsonObject fromDatabase = lines.get(0);
        assertEquals(LOOKUP_LOGGER, fromDatabase.getString("module"));
        assertEquals("INFO", fromDatabase.getString("loglevel"));
        assertEquals("salesforce", fromDatabase.getString("ext_connector"));
        assertEquals("Opportunity", fromDatabase.getString("ext_table"));
        assertEquals("Amount", fromDatabase.getString("ext_field"));
        assertEquals(JsonValue.FALSE, fromDatabase.get("ext_cacheHit_bool"), "read the database");
        assertEquals(200, fromDatabase.getInt("ext_status_int"));
        JsonNumber took = fromDatabase.getJsonNumber("ext_durationMs_float");
        assertTrue(took.doubleValue() > 0, "a duration in milliseconds: " + took);

        JsonObject fromCache = lines.get(1);
        assertEquals(JsonValue.TRUE, fromCache.get("ext_cacheHit_bool"), "read the cache");
        assertEquals(200, fromCache.getInt("ext_status_int"));

        JsonObject missed = lines.get(2);
        assertEquals("Missing", missed.getString("ext_field"));
        assertEquals(404, missed.getInt("ext_status_int"));
        assertTrue(
                missed.getString("message")
                        .matches(
                                "Lookup "
                                        + tenant
                                        + " salesforce/Opportunity/Missing: 404 in [0-9.]+ ms,"
                                        + " cache (hit|miss)"),
                missed.toString());
    }

    private List<JsonObject> lookupLines() {
        return ServerLog.records().stream()
                .filter(line -> LOOKUP_LOGGER.equals(line.getString("module", "")))
                .filter(line -> tenant.equals(line.getString("ext_tenant", "")))
                .toList();
    }
}
