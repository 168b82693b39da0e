package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.it.OtlpReceiver.ReceivedSpan;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Traces over OTLP: the test server exports its spans (http/protobuf, short batch delay) to the
 * test JVM's receiver, as an operator's collector would receive them. A lookup's request span names
 * the tenant, connector, table and field and says whether the cache answered; cache reads, the
 * database read of a miss, the Gemini call and the embedding of a proposal are its child spans.
 */
class TelemetryIT extends DeployedRegistry {
    /** The test server's Gemini key (server-config/pom.xml). */
    private static final String GEMINI_KEY = "it-secret-gemini-key";

    private final OtlpReceiver receiver = OtlpReceiver.ensureStarted();
    private final String tenant = Api.freshTenant();
    private final String viewerToken = Tokens.mint(tenant, "victor", "viewer");

    @Test
    void
            givenTracingOn_whenAFieldIsLookedUpTwice_thenBothRequestSpansArriveWithTheLookupAndCache() {
        Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce", "Opportunity", "Amount", "opportunity", "amount"));
        assertEquals(201, created.status(), created.toString());
        Api viewer = Api.as(viewerToken);

        assertEquals(200, viewer.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(200, viewer.get("/dcl/mappings/salesforce/Opportunity/Amount").status());

        List<ReceivedSpan> lookups =
                await().atMost(Duration.ofSeconds(30))
                        .until(this::lookupSpans, spans -> spans.size() == 2);
        for (ReceivedSpan span : lookups) {
            assertEquals("dcl-registry-it", span.service());
            Map<String, String> attributes = span.attributes();
            assertEquals("salesforce", attributes.get("dcl.connector"));
            assertEquals("Opportunity", attributes.get("dcl.table"));
            assertEquals("Amount", attributes.get("dcl.field"));
            assertFalse(
                    attributes.values().stream().anyMatch(v -> v.contains(viewerToken)),
                    "the caller's token is never a span attribute");
        }
        assertEquals(
                List.of("false", "true"),
                lookups.stream().map(s -> s.attributes().get("dcl.cache.hit")).sorted().toList(),
                "the first lookup read the database, the second the cache");
        ReceivedSpan miss = withCacheHit(lookups, "false");
        ReceivedSpan hit = withCacheHit(lookups, "true");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> childrenNamed(miss, "dcl.database.read"), reads -> reads == 1);
        assertEquals(
                0, childrenNamed(hit, "dcl.database.read"), "the cache answered: no database span");
        for (ReceivedSpan lookup : lookups) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> childrenNamed(lookup, "dcl.cache.read"), reads -> reads > 0);
        }
    }

    private long childrenNamed(ReceivedSpan parent, String name) {
        return receiver.spans().stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.parentSpanId().equals(parent.spanId()))
                .count();
    }

    private static ReceivedSpan withCacheHit(List<ReceivedSpan> spans, String hit) {
        return spans.stream()
                .filter(s -> hit.equals(s.attributes().get("dcl.cache.hit")))
                .findFirst()
                .orElseThrow();
    }

    private List<ReceivedSpan> lookupSpans() {
        return receiver.spans().stream()
                .filter(s -> tenant.equals(s.attributes().get("dcl.tenant")))
                .toList();
    }

    @Test
    void
            givenTracingOn_whenAProposalAsksGemini_thenTheCallAndTheEmbeddingAreChildrenOfTheRequestAndNoSpanCarriesTheKey()
                    throws IOException {
        try (GeminiStub gemini = new GeminiStub()) {
            gemini.then(GeminiStub.choosing("opportunity.probability", 0.82));
            SemanticIndexReady.await();
            Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));
            Api.Reply proposed =
                    runtime.post(
                            "/dcl/intelligence/propose-mapping",
                            "{\"connector\":\"pipedrive\",\"sourceTable\":\"deals\","
                                    + "\"sourceField\":\"weighted_value\",\"sampleValues\":[\"1200\"]}");
            assertEquals(200, proposed.status(), proposed.toString());
            // W3C traceparent: version-traceid-spanid-flags; the span id is the HTTP client span's.
            String clientSpanId = traceparent(gemini.received().get(0)).split("-")[2];

            ReceivedSpan client =
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> byId(clientSpanId), s -> s != null);
            ReceivedSpan call =
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> byId(client.parentSpanId()), s -> s != null);
            assertEquals("dcl.gemini.suggest", call.name());
            ReceivedSpan request =
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> byId(call.parentSpanId()), s -> s != null);
            assertTrue(request.name().contains("propose-mapping"), request.name());
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    receiver.spans().stream()
                                            .filter(s -> s.name().equals("dcl.embedding"))
                                            .anyMatch(
                                                    s ->
                                                            s.parentSpanId()
                                                                    .equals(request.spanId())));
        }
        assertFalse(
                receiver.spans().stream()
                        .flatMap(s -> s.attributes().values().stream())
                        .anyMatch(v -> v.contains(GEMINI_KEY)),
                "the Gemini key is never a span attribute");
    }

    private static String traceparent(GeminiStub.Received request) {
        return request.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("traceparent"))
                .map(h -> h.getValue().get(0))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no traceparent: " + request.headers()));
    }

    private ReceivedSpan byId(String spanId) {
        return receiver.spans().stream()
                .filter(s -> s.spanId().equals(spanId))
                .findFirst()
                .orElse(null);
    }
}
