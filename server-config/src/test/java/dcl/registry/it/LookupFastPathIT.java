package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's cached lookup answered before JAX-RS ({@code LookupFastPath}): the same answer as
 * the JAX-RS way, header for header and byte for byte, counted once in every figure, and every
 * security check kept. A query string sends a lookup the JAX-RS way, which is how these tests
 * compare the two; {@code dcl_lookup_fast_path_total} counts the answers given before JAX-RS.
 */
class LookupFastPathIT extends DeployedRegistry {
    private static final String PATH = "/dcl/mappings/salesforce/Opportunity/Amount";
    private static final List<String> FAST = List.of("dcl_lookup_fast_path_total");
    private static final List<String> HITS = List.of("dcl_cache_hits_total", "cache=\"lookups\"");
    private static final List<String> LOOKUPS_ANSWERED =
            List.of("dcl_requests_seconds_count", "group=\"lookup\"", "outcome=\"success\"");

    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @BeforeEach
    void mapping() {
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "amount"))
                        .status());
    }

    /**
     * Looks the mapping up until the fast path answers: the cache holds it. First past the write's
     * second invalidation pass (dcl.cache.invalidation.second-pass, 0.3 s), which removes what a
     * lookup cached before it.
     */
    private void cached() {
        double fast = metric(FAST);
        await().pollDelay(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.get(PATH).status() == 200 && metric(FAST) > fast);
    }

    @Test
    void givenACachedMapping_whenLookedUp_thenAnsweredBeforeJaxRsAsJaxRsAnswersIt() {
        Api.Reply first = runtime.get(PATH); // a miss: read from the database, the JAX-RS way
        assertEquals(200, first.status(), first.toString());
        cached();
        double fast = metric(FAST);
        double hits = metric(HITS);
        double answered = metric(LOOKUPS_ANSWERED);

        Api.Reply cached = runtime.get(PATH);

        assertEquals(fast + 1, metric(FAST), "answered before JAX-RS");
        assertEquals(hits + 1, metric(HITS), "one cache hit, counted once");
        assertEquals(answered + 1, metric(LOOKUPS_ANSWERED), "one lookup timed");
        Api.Reply viaJaxRs = runtime.get(PATH + "?via=jax-rs");
        assertEquals(fast + 1, metric(FAST), "a query string goes the JAX-RS way");
        assertEquals(200, cached.status(), cached.toString());
        assertEquals(viaJaxRs.body(), cached.body());
        assertEquals(first.body(), cached.body());
        for (String header : List.of("ETag", "X-DCL-Source", "Content-Type", "Content-Length")) {
            assertNotNull(viaJaxRs.header(header), header);
            assertEquals(viaJaxRs.header(header), cached.header(header), header);
        }
        assertEquals("registry", cached.header("X-DCL-Source"));
    }

    @Test
    void givenTheCurrentETag_whenLookedUpAgain_thenNotModifiedAndAnyOtherTagGetsTheBody() {
        String etag = runtime.get(PATH).header("ETag");
        cached();
        double fast = metric(FAST);

        Api.Reply same = runtime.get(PATH, "If-None-Match", etag);
        Api.Reply weak = runtime.get(PATH, "If-None-Match", "W/" + etag);
        Api.Reply stale = runtime.get(PATH, "If-None-Match", "\"0\"");

        assertEquals(304, same.status());
        assertEquals(etag, same.header("ETag"));
        assertEquals("registry", same.header("X-DCL-Source"));
        assertEquals("", same.body());
        assertEquals(304, weak.status(), "If-None-Match compares weakly");
        assertEquals(200, stale.status());
        assertEquals(fast + 3, metric(FAST));
        Api.Reply list = runtime.get(PATH, "If-None-Match", "\"0\", " + etag);
        assertEquals(304, list.status(), "a list is evaluated the JAX-RS way");
        assertEquals(fast + 3, metric(FAST));
    }

    @Test
    void givenACachedMapping_whenAskedWithoutTheRightTokenOrByAnotherTenant_thenRefusedAsBefore() {
        cached();
        double fast = metric(FAST);

        Api.Reply anonymous = Api.anonymous().get(PATH);
        Api.Reply noRole = Api.as(Tokens.mint(tenant, "mallory", "nobody")).get(PATH);
        Api.Reply noTenant = Api.as(Tokens.withoutTenant("aam", "service")).get(PATH);
        Api.Reply stranger = Api.as(Tokens.signedByStranger(tenant, "aam", "service")).get(PATH);
        Api.Reply otherTenant = Api.as(Tokens.mint(Api.freshTenant(), "aam", "service")).get(PATH);

        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals(403, noRole.status(), noRole.toString());
        assertEquals(401, noTenant.status(), noTenant.toString());
        assertEquals(401, stranger.status(), stranger.toString());
        assertEquals(404, otherTenant.status(), "another tenant never sees it: " + otherTenant);
        for (Api.Reply refused : List.of(anonymous, stranger)) {
            assertNotNull(refused.header("WWW-Authenticate"), refused.toString());
        }
        for (Api.Reply refused : List.of(noRole, noTenant, otherTenant)) {
            assertTrue(
                    refused.contentType().startsWith("application/problem+json"),
                    refused.toString());
        }
        assertEquals(fast, metric(FAST), "none of them answered before JAX-RS");
    }

    @Test
    void givenACachedMapping_whenChanged_thenTheNextLookupAnswersTheNewVersion() {
        Api.Reply before = runtime.get(PATH);
        cached();
        String id = before.json().getString("id");

        Api.Reply changed =
                admin.patch(
                        "/dcl/mappings/" + id,
                        "{\"canonicalField\":\"total\"}",
                        "If-Match",
                        before.header("ETag"));
        assertEquals(200, changed.status(), changed.toString());

        Api.Reply after = runtime.get(PATH);
        assertEquals(changed.header("ETag"), after.header("ETag"));
        assertEquals("total", after.json().getString("canonicalField"));
    }

    /** The sum of a metric's series with these labels (name first), 0 when absent. */
    private static double metric(List<String> nameAndLabels) {
        String name = nameAndLabels.get(0);
        return Api.anonymous()
                .get("/metrics?scope=application")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> nameAndLabels.stream().skip(1).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
