package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Gemini adapter against a local server speaking Gemini's wire format: the service's real Rest
 * Client, Fault Tolerance and answer checks run in every case. The test server is configured with a
 * key, the model {@code gemini-it}, a 1.5 s timeout and this stub's address; proposals use the
 * default {@code mixed}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeminiIT extends DeployedRegistry {
    private static final String KEY = "it-secret-gemini-key";
    private static GeminiStub gemini;
    private final String tenant = Api.freshTenant();
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @BeforeAll
    static void startStub() throws IOException {
        gemini = new GeminiStub();
    }

    @AfterAll
    static void stopStub() {
        gemini.close();
    }

    private JsonObject propose(String field, String... samples) {
        SemanticIndexReady.await();
        String sampleJson =
                samples.length == 0 ? "[]" : "[\"" + String.join("\",\"", samples) + "\"]";
        Api.Reply reply =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"pipedrive\",\"sourceTable\":\"deals\",\"sourceField\":\""
                                + field
                                + "\",\"sampleValues\":"
                                + sampleJson
                                + "}");
        assertEquals(200, reply.status(), reply.toString());
        assertFalse(reply.body().contains(KEY), "the API key never appears in a response");
        return reply.json();
    }

    private static List<String> degraded(JsonObject proposal) {
        return proposal.getJsonArray("degraded").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> s.getString())
                .toList();
    }

    @Test
    @Order(1)
    void
            givenAGoodAnswer_whenProposed_thenTheModelsChoiceIsStoredWithItsPromptVersionAndTheRequestFollowsTheProtocol() {
        gemini.then(GeminiStub.choosing("opportunity.probability", 0.82));
        JsonObject proposal = propose("weighted_value", "1200");
        assertEquals("llm", proposal.getString("strategy"));
        assertEquals(
                "opportunity.probability",
                proposal.getString("canonicalEntity") + "." + proposal.getString("canonicalField"));
        assertEquals(0.82, proposal.getJsonNumber("confidence").doubleValue(), 1e-9);
        assertEquals("dcl-propose-v1", proposal.getString("promptVersion"));
        assertEquals(List.of(), degraded(proposal));

        GeminiStub.Received request = gemini.received().get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1beta/models/gemini-it:generateContent", request.path());
        assertEquals(
                List.of(KEY),
                request.headers().get("X-goog-api-key"),
                "the key travels in the header, not the URL");
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        JsonObject config = body.getJsonObject("generationConfig");
        assertEquals("application/json", config.getString("responseMimeType"));
        assertTrue(
                config.getJsonObject("responseSchema")
                        .getJsonObject("properties")
                        .getJsonObject("target")
                        .getJsonArray("enum")
                        .toString()
                        .contains("opportunity.amount"),
                "the schema restricts the answer to candidates");
        String prompt =
                body.getJsonArray("contents")
                        .getJsonObject(0)
                        .getJsonArray("parts")
                        .getJsonObject(0)
                        .getString("text");
        assertTrue(
                prompt.contains("field weighted_value")
                        && prompt.contains("opportunity.amount (number)"),
                prompt);
    }

    @Test
    @Order(3)
    void givenMalformedJson_whenProposed_thenLexicalAnswersAndTheFallbackIsListed() {
        gemini.then(GeminiStub.answer("{\"target\": \"opportunity.amount\", \"confid"));
        JsonObject proposal = propose("custom_metric_a", "1200");
        assertEquals("lexical", proposal.getString("strategy"));
        assertTrue(
                degraded(proposal).contains("llm: malformed answer (not JSON)"),
                degraded(proposal).toString());
    }

    @Test
    @Order(4)
    void givenAnInventedField_whenProposed_thenTheAnswerIsRejectedAndNeverStored() {
        gemini.then(GeminiStub.choosing("opportunity.secret_sauce", 0.99));
        JsonObject proposal = propose("sauce");
        assertEquals("lexical", proposal.getString("strategy"));
        assertNotEquals("secret_sauce", proposal.getString("canonicalField"));
        assertTrue(
                degraded(proposal).stream()
                        .anyMatch(
                                d ->
                                        d.startsWith("llm: answer rejected")
                                                && d.contains("opportunity.secret_sauce")),
                degraded(proposal).toString());
    }

    @Test
    @Order(5)
    void givenA429ThenAGoodAnswer_whenProposed_thenTheRetryGetsTheAnswer() {
        gemini.then(GeminiStub.status(429), GeminiStub.choosing("opportunity.close_date", 0.9));
        JsonObject proposal = propose("expected_close", "2025-03-01");
        assertEquals("llm", proposal.getString("strategy"));
        assertEquals("close_date", proposal.getString("canonicalField"));
        assertEquals(2, gemini.received().size());
        assertEquals(List.of(), degraded(proposal));
    }

    @Test
    @Order(6)
    void givenAnAnswerSlowerThanTheTimeout_whenProposed_thenLexicalAnswersAndTheTimeoutIsListed() {
        gemini.then(
                new GeminiStub.Reply(
                        200, GeminiStub.choosing("opportunity.amount", 0.9).body(), 3_000));
        JsonObject proposal = propose("custom_metric_b", "10");
        assertEquals("lexical", proposal.getString("strategy"));
        assertTrue(
                degraded(proposal).contains("llm: no answer within 1500 ms"),
                degraded(proposal).toString());
    }

    @Test
    @Order(2)
    void
            givenRequestsGeminiRefuses_whenOneTenantSendsThemAgainAndAgain_thenTheCircuitStaysClosed() {
        gemini.then(GeminiStub.status(400));
        for (int i = 0; i < 6; i++) {
            JsonObject refused = propose("custom_metric_c", "5");
            assertEquals("lexical", refused.getString("strategy"));
            assertEquals(List.of("llm: HTTP 400 from Gemini"), degraded(refused));
        }
        gemini.then(GeminiStub.choosing("opportunity.amount", 0.8));
        Api other = Api.as(Tokens.mint(Api.freshTenant(), "aam", "service"));
        Api.Reply answered =
                other.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"pipedrive\",\"sourceTable\":\"deals\","
                                + "\"sourceField\":\"custom_metric_c\",\"sampleValues\":[\"5\"]}");
        assertEquals(200, answered.status(), answered.toString());
        assertEquals(
                "llm",
                answered.json().getString("strategy"),
                "another tenant still reaches Gemini: " + answered);
    }

    @Test
    @Order(7)
    void given500sUntilTheCircuitOpens_whenProposed_thenLaterProposalsDoNotCallGeminiAndSaySo() {
        gemini.then(GeminiStub.status(500));
        JsonObject first = propose("custom_metric_c", "5");
        assertEquals("lexical", first.getString("strategy"));
        assertTrue(
                degraded(first).stream().anyMatch(d -> d.startsWith("llm: ")),
                degraded(first).toString());
        JsonObject later = first;
        for (int i = 0;
                i < 5 && !degraded(later).contains("llm: circuit open after repeated failures");
                i++) {
            later = propose("custom_metric_c", "5");
        }
        assertEquals(List.of("llm: circuit open after repeated failures"), degraded(later));
        int calls = gemini.received().size();
        JsonObject open = propose("custom_metric_c", "5");
        assertEquals(calls, gemini.received().size(), "an open circuit does not call Gemini");
        assertEquals("lexical", open.getString("strategy"));
        assertEquals(List.of("llm: circuit open after repeated failures"), degraded(open));

        Api.Reply metrics = Api.anonymous().get("/metrics?scope=application");
        assertTrue(
                metrics.body()
                        .matches(
                                "(?s).*dcl_proposal_fallbacks_total\\{[^}]*strategy=\"llm\"[^}]*}"
                                        + " [1-9].*"),
                metrics.body());
    }

    @Test
    @Order(8)
    void givenEverythingAbove_whenTheServerLogIsRead_thenTheKeyNeverAppears() {
        String text = ServerLog.text();
        assertTrue(text.contains("fell back: llm:"), "fallbacks are logged");
        assertFalse(text.contains(KEY));
    }
}
