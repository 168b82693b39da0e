package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.EffectiveConfiguration;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A decision as one line of {@code GET /dcl/admin/decisions} (JSON Lines). */
final class DecisionJson {
    /** Made once: a lookup of the JSON provider per decision would cost more than the decision. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private static final JsonBuilderFactory JSON = PROVIDER.createBuilderFactory(Map.of());

    private DecisionJson() {}

    static JsonObject of(Decision d) {
        ConfigurationSnapshot snapshot = d.configuration();
        EffectiveConfiguration effective = snapshot.effective();
        JsonArrayBuilder fallbacks = JSON.createArrayBuilder();
        d.fallbacks()
                .forEach(
                        f ->
                                fallbacks.add(
                                        JSON.createObjectBuilder()
                                                .add("strategy", f.strategy())
                                                .add("reason", f.reason())));
        return JSON.createObjectBuilder()
                .add("id", d.id().toString())
                .add("at", d.at().toString())
                .add("tenant", d.tenant().value())
                .add("kind", d.kind().wireName())
                .add(
                        "source",
                        JSON.createObjectBuilder()
                                .add("connector", d.source().connector().value())
                                .add("table", d.source().table().name())
                                .add("field", d.source().field().name()))
                .add(
                        "configuration",
                        JSON.createObjectBuilder()
                                .add("strategy", effective.configuration().strategy().label())
                                .add(
                                        "mixedRagThreshold",
                                        effective.configuration().mixedRagThreshold())
                                .add("label", effective.configuration().label())
                                .add("origin", effective.origin().wireName())
                                .add("version", effective.version())
                                .add("llmModel", text(snapshot.llmModel()))
                                .add("promptVersion", text(snapshot.promptVersion()))
                                .add("embeddingModel", snapshot.embeddingModel()))
                .add("strategySelected", d.strategySelected())
                .add("selectionReason", text(d.selectionReason()))
                .add("strategyAnswered", d.strategyAnswered())
                .add("rankingModel", text(d.rankingModel()))
                .add("fallbacks", fallbacks)
                .add("answer", text(d.answer().map(Object::toString)))
                .add("confidence", d.confidence())
                .add("latencyMs", d.latency().toNanos() / 1e6)
                .add("violation", d.violated())
                .add("violationReason", text(d.violation()))
                .add("proposalId", text(d.proposalId().map(UUID::toString)))
                .build();
    }

    private static JsonValue text(Optional<String> value) {
        return value.<JsonValue>map(PROVIDER::createValue).orElse(JsonValue.NULL);
    }
}
