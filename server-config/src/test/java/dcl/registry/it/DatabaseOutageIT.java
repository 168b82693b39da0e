package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL really stopped for over a minute: cached lookups keep answering, the rest says 503 at
 * once, and it all comes back.
 */
class DatabaseOutageIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @Test
    void
            givenTheDatabaseDownForAMinute_whenTheRuntimeAndAdminsCall_thenCachedReadsServeThroughoutAndTheRestFailsFast() {
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson("salesforce", "Account", "Name", "account", "name"))
                        .status());
        SecondNode.sleep(500);
        String cached = "/dcl/mappings/salesforce/Account/Name";
        String uncached = "/dcl/mappings/salesforce/Account/Industry";
        assertEquals(200, runtime.get(cached).status());
        assertEquals(
                null,
                runtime.get(cached).header("X-DCL-Rollout-Age"),
                "fresh settings carry no age");

        TestDatabase.stop();
        long down = System.nanoTime();
        long slowestRefusalMillis = 0;
        long firstRefusalMillis = 0;
        long oldestAge = 0;
        try {
            assertUnavailable(runtime.get(uncached)); // the call that finds the outage
            firstRefusalMillis = (System.nanoTime() - down) / 1_000_000;
            while (System.nanoTime() - down < 65_000_000_000L) {
                Api.Reply fromCache = runtime.get(cached);
                assertEquals(
                        200,
                        fromCache.status(),
                        "a cached lookup survives the whole outage: " + fromCache);
                assertEquals("name", fromCache.json().getString("canonicalField"));
                String age = fromCache.header("X-DCL-Rollout-Age");
                oldestAge = age == null ? oldestAge : Math.max(oldestAge, Long.parseLong(age));

                long asked = System.nanoTime();
                assertUnavailable(runtime.get(uncached));
                long read = System.nanoTime();
                assertUnavailable(
                        admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Account",
                                        "Industry",
                                        "account",
                                        "industry")));
                long written = System.nanoTime();
                slowestRefusalMillis =
                        Math.max(
                                slowestRefusalMillis,
                                Math.max(read - asked, written - read) / 1_000_000);
                SecondNode.sleep(2000);
            }
            assertTrue(
                    oldestAge >= 50,
                    "the stale rollout settings say how old they are: " + oldestAge + " s");
            assertTrue(staleSecondsMetric() >= 50, "and so does the gauge");
            assertTrue(
                    firstRefusalMillis < 1000,
                    "even the call that finds the outage fails fast: "
                            + firstRefusalMillis
                            + " ms");
            assertTrue(
                    slowestRefusalMillis < 1000,
                    "what cannot be answered fails fast: slowest " + slowestRefusalMillis + " ms");

            Api.Reply ready = Api.anonymous().get("/health/ready");
            assertEquals(503, ready.status());
            JsonObject database =
                    ready.json().getJsonArray("checks").stream()
                            .map(c -> c.asJsonObject())
                            .filter(c -> c.getString("name").equals("database"))
                            .findFirst()
                            .orElseThrow();
            assertEquals("DOWN", database.getString("status"));
        } finally {
            TestDatabase.start();
        }
        System.out.printf(
                "outage: %d s down, cached lookups 200 throughout, first refusal %d ms, slowest"
                        + " after it %d ms, rollout settings age up to %d s%n",
                (System.nanoTime() - down) / 1_000_000_000L,
                firstRefusalMillis,
                slowestRefusalMillis,
                oldestAge);

        awaitReady();
        assertEquals(404, runtime.get(uncached).status(), "nothing was half-written");
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce", "Account", "Industry", "account", "industry"))
                        .status());
        assertEquals(200, runtime.get(uncached).status());
        SecondNode.sleep(10_500);
        assertEquals(
                null,
                runtime.get(cached).header("X-DCL-Rollout-Age"),
                "confirmed again once the database is back");
    }

    private static double staleSecondsMetric() {
        return Api.anonymous()
                .get("/metrics?scope=application")
                .body()
                .lines()
                .filter(l -> l.startsWith("dcl_rollout_settings_stale_seconds"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .max()
                .orElse(-1);
    }

    private static void assertUnavailable(Api.Reply reply) {
        assertEquals(503, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("5", reply.header("Retry-After"));
    }

    static void awaitReady() {
        Awaitility.await("the service recovers after the database came back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Api.anonymous().get("/health/ready").status() == 200);
    }
}
