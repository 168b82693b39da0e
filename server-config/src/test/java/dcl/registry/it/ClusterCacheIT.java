package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty servers on loopback, one PostgreSQL, one cache cluster: a write through node A is
 * served by node B within a second, also when B had the old answer cached.
 */
class ClusterCacheIT extends DeployedRegistry {
    private static final long PROPAGATION_LIMIT_MILLIS = 1000;
    private static SecondNode nodeB;

    private final String tenant = Api.freshTenant();
    private final Api adminOnA = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtimeOnB =
            Api.as(Tokens.mint(tenant, "aam", "service"))
                    .at("http://localhost:" + SecondNode.HTTP_PORT);

    @BeforeAll
    static void startSecondNode() {
        nodeB = SecondNode.start();
        awaitClusterOfTwo();
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void givenBHasTheOldMappingCached_whenAUpdatesIt_thenBServesTheNewOneWithinASecond() {
        JsonObject created =
                adminOnA.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "amount"))
                        .json();
        SecondNode.sleep(CACHE_SETTLE_MILLIS);
        String path = "/dcl/mappings/salesforce/Opportunity/Amount";
        assertEquals("amount", runtimeOnB.get(path).json().getString("canonicalField"));
        long hitsBefore = metric(runtimeOnB, "dcl_cache_hits_total{cache=\"lookups\"");
        assertEquals("amount", runtimeOnB.get(path).json().getString("canonicalField"));
        assertEquals(
                hitsBefore + 1,
                metric(runtimeOnB, "dcl_cache_hits_total{cache=\"lookups\""),
                "B answered from its cache");
        long invalidationsBefore =
                metric(runtimeOnB, "dcl_cache_remote_invalidations_total{cache=\"lookups\"");

        Api.Reply updated =
                adminOnA.put(
                        "/dcl/mappings/" + created.getString("id"),
                        "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount_usd\"}",
                        "If-Match",
                        "\"1\"");
        long committedAt = System.nanoTime();
        assertEquals(200, updated.status(), updated.toString());
        long millis =
                awaitOnB(
                        path,
                        reply ->
                                reply.status() == 200
                                        && reply.json()
                                                .getString("canonicalField")
                                                .equals("amount_usd"),
                        committedAt);
        System.out.println("[cluster] update on A served by B after " + millis + " ms");
        assertTrue(millis <= PROPAGATION_LIMIT_MILLIS, "propagation took " + millis + " ms");
        assertTrue(
                metric(runtimeOnB, "dcl_cache_remote_invalidations_total{cache=\"lookups\"")
                        > invalidationsBefore,
                "the change reached B as a cluster invalidation, not by expiry");
    }

    @Test
    void givenBCachedANotFound_whenACreatesTheMapping_thenBServesItWithinASecond() {
        String path = "/dcl/mappings/hubspot/contacts/email";
        assertEquals(404, runtimeOnB.get(path).status());
        assertEquals(404, runtimeOnB.get(path).status());
        Api.Reply created =
                adminOnA.post(
                        "/dcl/mappings",
                        mappingJson("hubspot", "contacts", "email", "contact", "email"));
        long committedAt = System.nanoTime();
        assertEquals(201, created.status());
        long millis = awaitOnB(path, reply -> reply.status() == 200, committedAt);
        System.out.println(
                "[cluster] create on A served by B after " + millis + " ms (B had cached the 404)");
        assertTrue(millis <= PROPAGATION_LIMIT_MILLIS, "propagation took " + millis + " ms");
    }

    @Test
    void givenBCachedATableSet_whenADeletesAField_thenBsSetLosesItWithinASecond() {
        adminOnA.post("/dcl/mappings", mappingJson("mongodb", "orders", "total", "order", "total"));
        String id =
                adminOnA.post(
                                "/dcl/mappings",
                                mappingJson("mongodb", "orders", "status", "order", "status"))
                        .json()
                        .getString("id");
        SecondNode.sleep(CACHE_SETTLE_MILLIS);
        assertEquals(
                2,
                runtimeOnB
                        .get("/dcl/mappings/mongodb/orders")
                        .json()
                        .getJsonObject("fields")
                        .size());
        assertEquals(204, adminOnA.delete("/dcl/mappings/" + id).status());
        long committedAt = System.nanoTime();
        long millis =
                awaitOnB(
                        "/dcl/mappings/mongodb/orders",
                        reply -> reply.json().getJsonObject("fields").size() == 1,
                        committedAt);
        System.out.println("[cluster] delete on A left B's table set after " + millis + " ms");
        assertTrue(millis <= PROPAGATION_LIMIT_MILLIS, "propagation took " + millis + " ms");
    }

    /** Writes invalidate twice (at commit and shortly after); reads made after that stay cached. */
    private static final long CACHE_SETTLE_MILLIS = 500;

    /** Milliseconds from {@code since} until B serves the change at {@code path}. */
    private long awaitOnB(String path, java.util.function.Predicate<Api.Reply> fresh, long since) {
        Awaitility.await("B serves the change at " + path)
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> fresh.test(runtimeOnB.get(path)));
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static long metric(Api node, String prefix) {
        String text = node.get("/metrics?scope=application").body();
        return text.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToLong(
                        line ->
                                (long)
                                        Double.parseDouble(
                                                line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitClusterOfTwo() {
        Awaitility.await("the two nodes form one cache cluster")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> Api.anonymous().get("/health/ready").body(),
                        ready -> ready.contains("7810") && ready.contains("7811"));
    }

    @Test
    void
            givenBHasNoLlmConfigured_whenAMappingWrittenOnAIsLookedAlikeOnB_thenBFindsItAndProposesWithoutFallbacks() {
        SemanticIndexReady.await(Api.anonymous().at("http://localhost:" + SecondNode.HTTP_PORT));
        String id =
                adminOnA.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "CloseDate",
                                        "opportunity",
                                        "close_date"))
                        .json()
                        .getString("id");
        long started = System.nanoTime();
        Api.Reply lookup =
                await("node B's index holds node A's write")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () ->
                                        runtimeOnB.get(
                                                "/dcl/intelligence/rag-lookup/hubspot/deals/close_date"),
                                reply -> reply.status() != 404);
        assertEquals(
                200,
                lookup.status(),
                "node B picks up node A's write through the database's write order");
        assertEquals(id, lookup.json().getJsonObject("matchedMapping").getString("mappingId"));
        System.out.printf(
                "rag index on B followed a write on A after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        Api.Reply proposal =
                runtimeOnB.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"contacts\",\"sourceField\":\"firstname\",\"sampleValues\":[\"Ann\"]}");
        assertEquals(200, proposal.status(), proposal.toString());
        assertEquals(
                "contact.first_name",
                proposal.json().getString("canonicalEntity")
                        + "."
                        + proposal.json().getString("canonicalField"));
        assertEquals(
                0,
                proposal.json().getJsonArray("degraded").size(),
                "no LLM configured on B: lexical is the plan, not a fallback");
    }
}
