package dcl.registry.adapters.llm.gemini;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.CanonicalCandidate;
import dcl.registry.domain.intelligence.LlmQuestion;
import dcl.registry.domain.intelligence.LlmSuggestion;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.TenantShare;
import dcl.registry.domain.port.out.LanguageModel;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Asks Gemini for one canonical field with structured output: the response schema restricts the
 * answer to the offered candidates, and the strategy still checks it against the schema (models do
 * not always obey).
 */
@ApplicationScoped
public class GeminiLanguageModel implements LanguageModel {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String PROMPT_VERSION = "dcl-propose-v1";
    static final int SAMPLES = 10;
    static final int SAMPLE_CHARS = 80;

    @Inject GeminiCalls calls;

    /** A tenant's share of the node's calls in flight. */
    private final TenantShare share = TenantShare.halfOf(GeminiCalls.IN_FLIGHT);

    // A child span of the request around the whole call, retries and waits included; the Rest
    // Client's HTTP spans (one per attempt) sit under it.
    @Override
    @WithSpan("dcl.gemini.suggest")
    public LlmSuggestion suggest(LlmQuestion question) {
        if (!share.tryEnter(question.tenant())) {
            throw unavailable("too many of this tenant's calls in flight");
        }
        String reply;
        try {
            reply = calls.generate(request(question).toString());
        } catch (CircuitBreakerOpenException open) {
            throw unavailable("circuit open after repeated failures");
        } catch (TimeoutException slow) {
            throw unavailable("timed out");
        } catch (BulkheadException busy) {
            throw unavailable("too many calls in flight");
        } catch (GeminiFailure failed) {
            throw unavailable(failed.getMessage());
        } finally {
            share.leave(question.tenant());
        }
        return answer(reply);
    }

    static JsonObject request(LlmQuestion question) {
        JsonArrayBuilder targets = JSON.createArrayBuilder();
        question.candidates().forEach(c -> targets.add(c.field().toString()));
        JsonObject schema =
                JSON.createObjectBuilder()
                        .add("type", "OBJECT")
                        .add(
                                "properties",
                                JSON.createObjectBuilder()
                                        .add(
                                                "target",
                                                JSON.createObjectBuilder()
                                                        .add("type", "STRING")
                                                        .add("enum", targets)
                                                        .add(
                                                                "description",
                                                                "the chosen canonical field,"
                                                                        + " entity.field"))
                                        .add(
                                                "confidence",
                                                JSON.createObjectBuilder()
                                                        .add("type", "NUMBER")
                                                        .add("description", "0 to 1"))
                                        .add(
                                                "reasoning",
                                                JSON.createObjectBuilder().add("type", "STRING"))
                                        .add(
                                                "alternatives",
                                                JSON.createObjectBuilder()
                                                        .add("type", "ARRAY")
                                                        .add(
                                                                "items",
                                                                JSON.createObjectBuilder()
                                                                        .add("type", "STRING"))))
                        .add(
                                "required",
                                JSON.createArrayBuilder()
                                        .add("target")
                                        .add("confidence")
                                        .add("reasoning"))
                        .build();
        return JSON.createObjectBuilder()
                .add(
                        "contents",
                        JSON.createArrayBuilder()
                                .add(
                                        JSON.createObjectBuilder()
                                                .add("role", "user")
                                                .add(
                                                        "parts",
                                                        JSON.createArrayBuilder()
                                                                .add(
                                                                        JSON.createObjectBuilder()
                                                                                .add(
                                                                                        "text",
                                                                                        prompt(
                                                                                                question))))))
                .add(
                        "generationConfig",
                        JSON.createObjectBuilder()
                                .add("temperature", 0)
                                .add("responseMimeType", "application/json")
                                .add("responseSchema", schema))
                .build();
    }

    static String prompt(LlmQuestion question) {
        ProposalRequest r = question.request();
        StringBuilder p = new StringBuilder();
        p.append(
                        "You map fields of connector records to a canonical data model. Choose the"
                                + " one canonical field that")
                .append(
                        " holds the same information as the source field, from the candidates"
                                + " listed. Give a confidence")
                .append(
                        " between 0 and 1, a one-sentence reasoning, and up to three alternatives"
                                + " from the same list.\n\n");
        p.append("Source field: connector ")
                .append(r.source().connector().value())
                .append(", table ")
                .append(r.source().table().name())
                .append(", field ")
                .append(r.source().field().name())
                .append('\n');
        r.type().ifPresent(t -> p.append("Declared type: ").append(t).append('\n'));
        r.description().ifPresent(d -> p.append("Description: ").append(d).append('\n'));
        r.tableDescription().ifPresent(d -> p.append("Table description: ").append(d).append('\n'));
        if (!r.samples().isEmpty()) {
            p.append("Sample values: ")
                    .append(
                            r.samples().stream()
                                    .limit(SAMPLES)
                                    .map(
                                            s ->
                                                    s.length() > SAMPLE_CHARS
                                                            ? s.substring(0, SAMPLE_CHARS) + "…"
                                                            : s)
                                    .toList())
                    .append('\n');
        }
        if (!question.similar().isEmpty()) {
            p.append("\nKnown mappings of similar fields:\n");
            for (SimilarMapping s : question.similar()) {
                p.append(
                        String.format(
                                Locale.ROOT,
                                "- %s -> %s (similarity %.2f)%n",
                                s.source(),
                                s.target(),
                                s.similarity()));
            }
        }
        p.append("\nCanonical candidates:\n");
        for (CanonicalCandidate c : question.candidates()) {
            p.append("- ").append(c.field());
            c.type().ifPresent(t -> p.append(" (").append(t).append(')'));
            c.description().ifPresent(d -> p.append(": ").append(d));
            p.append('\n');
        }
        return p.toString();
    }

    static LlmSuggestion answer(String reply) {
        try {
            JsonObject body = JSON.createReader(new StringReader(reply)).readObject();
            JsonArray candidates = body.getJsonArray("candidates");
            if (candidates == null || candidates.isEmpty()) {
                throw unavailable("answer had no candidates" + blockReason(body));
            }
            JsonArray parts =
                    candidates.getJsonObject(0).getJsonObject("content").getJsonArray("parts");
            String text = parts.getJsonObject(0).getString("text");
            JsonObject chosen = JSON.createReader(new StringReader(text)).readObject();
            CanonicalField target = CanonicalField.parse(chosen.getString("target"));
            List<CanonicalField> alternatives = new ArrayList<>();
            JsonArray named = chosen.getJsonArray("alternatives");
            if (named != null) {
                for (JsonValue value : named) {
                    if (value instanceof JsonString s) {
                        try {
                            alternatives.add(CanonicalField.parse(s.getString()));
                        } catch (InvalidInput notAField) {
                            // an alternative that is not entity.field is dropped; the chosen target
                            // is what matters
                        }
                    }
                }
            }
            return new LlmSuggestion(
                    target,
                    chosen.getJsonNumber("confidence").doubleValue(),
                    chosen.getString("reasoning", "chosen by the model"),
                    alternatives,
                    PROMPT_VERSION);
        } catch (JsonException notJson) {
            throw unavailable("malformed answer (not JSON)");
        } catch (ClassCastException
                | NullPointerException
                | IndexOutOfBoundsException
                | InvalidInput misshapen) {
            throw unavailable("malformed answer (not the requested shape)");
        }
    }

    private static String blockReason(JsonObject body) {
        JsonObject feedback = body.getJsonObject("promptFeedback");
        return feedback != null && feedback.containsKey("blockReason")
                ? " (blocked: " + feedback.getString("blockReason") + ")"
                : "";
    }

    private static StrategyUnavailable unavailable(String reason) {
        return new StrategyUnavailable(StrategyName.LLM.label(), reason);
    }
}
