package dcl.registry.adapters.llm.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.CanonicalCandidate;
import dcl.registry.domain.intelligence.LlmQuestion;
import dcl.registry.domain.intelligence.LlmSuggestion;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The request Gemini receives and the answers it may give, without a server (the ITs run the HTTP
 * side).
 */
class GeminiWireFormatTest {
    private static final LlmQuestion QUESTION =
            new LlmQuestion(
                    new TenantId("acme"),
                    new ProposalRequest(
                            new SourceRef(
                                    new ConnectorId("hubspot"),
                                    new SourceTable("deals"),
                                    new SourceField("amount")),
                            List.of("12.5", "x".repeat(200)),
                            Optional.of("deal value"),
                            Optional.empty(),
                            Optional.of("number")),
                    List.of(
                            new CanonicalCandidate(
                                    new CanonicalField("opportunity", "amount"),
                                    Optional.of("number"),
                                    Optional.of("Monetary value")),
                            new CanonicalCandidate(
                                    new CanonicalField("opportunity", "currency"),
                                    Optional.empty(),
                                    Optional.empty())),
                    List.of());

    private static String reply(String modelText) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                + jakarta.json.Json.createValue(modelText)
                + "}]},\"finishReason\":\"STOP\"}]}";
    }

    @Test
    void givenAQuestion_whenSent_thenTheSchemaAllowsOnlyTheOfferedFieldsAndThePromptCarriesThem() {
        JsonObject request = GeminiLanguageModel.request(QUESTION);
        JsonObject schema =
                request.getJsonObject("generationConfig").getJsonObject("responseSchema");
        assertEquals(
                "[\"opportunity.amount\",\"opportunity.currency\"]",
                schema.getJsonObject("properties")
                        .getJsonObject("target")
                        .getJsonArray("enum")
                        .toString());
        assertEquals(0, request.getJsonObject("generationConfig").getInt("temperature"));
        String prompt =
                request.getJsonArray("contents")
                        .getJsonObject(0)
                        .getJsonArray("parts")
                        .getJsonObject(0)
                        .getString("text");
        assertTrue(prompt.contains("- opportunity.amount (number): Monetary value"), prompt);
        assertTrue(prompt.contains("Description: deal value"), prompt);
        assertFalse(prompt.contains("x".repeat(81)), "long samples are cut");
    }

    @Test
    void givenAnAnswer_whenRead_thenTargetConfidenceAndAlternativesComeBack() {
        LlmSuggestion s =
                GeminiLanguageModel.answer(
                        reply(
                                "{\"target\":\"opportunity.amount\",\"confidence\":0.9,\"reasoning\":\"value"
                                        + " of the"
                                        + " deal\",\"alternatives\":[\"opportunity.currency\",\"nonsense\"]}"));
        assertEquals(new CanonicalField("opportunity", "amount"), s.target());
        assertEquals(0.9, s.confidence());
        assertEquals(
                List.of(new CanonicalField("opportunity", "currency")),
                s.alternatives(),
                "an alternative that is not entity.field is dropped");
        assertEquals(GeminiLanguageModel.PROMPT_VERSION, s.promptVersion());
    }

    @Test
    void givenBrokenOrBlockedAnswers_whenRead_thenTheStrategyIsUnavailableWithTheReason() {
        assertEquals(
                "malformed answer (not JSON)",
                assertThrows(
                                StrategyUnavailable.class,
                                () -> GeminiLanguageModel.answer(reply("{\"target\": \"opp")))
                        .fallback()
                        .reason());
        assertEquals(
                "malformed answer (not the requested shape)",
                assertThrows(
                                StrategyUnavailable.class,
                                () ->
                                        GeminiLanguageModel.answer(
                                                reply("{\"reasoning\":\"no target\"}")))
                        .fallback()
                        .reason());
        assertEquals(
                "answer had no candidates (blocked: SAFETY)",
                assertThrows(
                                StrategyUnavailable.class,
                                () ->
                                        GeminiLanguageModel.answer(
                                                "{\"candidates\":[],\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"))
                        .fallback()
                        .reason());
    }

    @Test
    void givenSettings_whenInvalid_thenEachPropertyIsNamedAndTheKeyNeverPrinted() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new GeminiSettings(
                                        Optional.of("k"),
                                        "Gemini Pro!",
                                        URI.create("ftp://x"),
                                        Duration.ofMillis(10)));
        assertEquals(
                List.of(GeminiSettings.MODEL, GeminiSettings.BASE_URL, GeminiSettings.TIMEOUT_MS),
                invalid.violations().stream().map(v -> v.field()).toList());
        GeminiSettings settings =
                new GeminiSettings(
                        Optional.of("secret-key-123"),
                        "gemini-2.5-flash",
                        URI.create("https://generativelanguage.googleapis.com"),
                        Duration.ofSeconds(10));
        assertTrue(settings.configured());
        assertFalse(settings.toString().contains("secret-key-123"));
        assertFalse(
                new GeminiSettings(
                                Optional.of("  "),
                                "gemini-2.5-flash",
                                URI.create("https://x.example"),
                                Duration.ofSeconds(1))
                        .configured());
    }
}
