package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** PostgreSQL really stopped: cached lookups keep answering, the rest says 503, and it all comes back. */
class DatabaseOutageIT extends DeployedRegistry {
  private final String tenant = Api.freshTenant();
  private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
  private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

  @Test
  void givenTheDatabaseStops_whenTheRuntimeAndAdminsCall_thenCachedReadsServeAndTheRestIs503UntilItReturns() {
    assertEquals(201, admin.post("/dcl/mappings", mappingJson("salesforce", "Account", "Name", "account", "name")).status());
    SecondNode.sleep(500);
    String cached = "/dcl/mappings/salesforce/Account/Name";
    assertEquals(200, runtime.get(cached).status());

    TestDatabase.stop();
    try {
      Api.Reply fromCache = runtime.get(cached);
      assertEquals(200, fromCache.status(), "a cached lookup survives the outage: " + fromCache);
      assertEquals("name", fromCache.json().getString("canonicalField"));

      Api.Reply uncached = runtime.get("/dcl/mappings/salesforce/Account/Industry");
      assertUnavailable(uncached);
      assertUnavailable(admin.post("/dcl/mappings", mappingJson("salesforce", "Account", "Industry", "account", "industry")));

      Api.Reply ready = Api.anonymous().get("/health/ready");
      assertEquals(503, ready.status());
      JsonObject database = ready.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
          .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
      assertEquals("DOWN", database.getString("status"));
    } finally {
      TestDatabase.start();
    }

    awaitReady();
    assertEquals(404, runtime.get("/dcl/mappings/salesforce/Account/Industry").status(), "nothing was half-written");
    assertEquals(201, admin.post("/dcl/mappings", mappingJson("salesforce", "Account", "Industry", "account", "industry")).status());
    assertEquals(200, runtime.get("/dcl/mappings/salesforce/Account/Industry").status());
  }

  private static void assertUnavailable(Api.Reply reply) {
    assertEquals(503, reply.status(), reply.toString());
    assertTrue(reply.contentType().startsWith("application/problem+json"));
    assertEquals("5", reply.header("Retry-After"));
  }

  private static void awaitReady() {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Api.anonymous().get("/health/ready").status() == 200) {
        return;
      }
      SecondNode.sleep(250);
    }
    throw new AssertionError("the service did not recover after the database came back");
  }
}
