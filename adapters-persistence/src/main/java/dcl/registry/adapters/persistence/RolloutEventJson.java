package dcl.registry.adapters.persistence;

import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import jakarta.json.spi.JsonProvider;

/** The JSON body a webhook receives when the rollout halts, rolls back or holds a tenant. */
final class RolloutEventJson {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private RolloutEventJson() {}

    static String write(String event, RolloutStage stage, String reason) {
        return JSON.createObjectBuilder()
                .add("event", event)
                .add("tenant", stage.owner().value())
                .add("occurredAt", stage.haltedAt().orElse(stage.decidedAt()).toString())
                .add(
                        "stage",
                        JSON.createObjectBuilder()
                                .add("id", stage.id())
                                .add("percent", stage.percent())
                                .add("previousPercent", stage.previousPercent())
                                .add("change", stage.change().wireName())
                                .add("decidedBy", stage.decidedBy().subject()))
                .add("reason", reason)
                .build()
                .toString();
    }

    static String held(String event, RolloutSettings held, String reason) {
        return JSON.createObjectBuilder()
                .add("event", event)
                .add("tenant", held.tenant().value())
                .add("occurredAt", held.updatedAt().orElseThrow().toString())
                .add("sourceOfTruth", held.sourceOfTruth().wireName())
                .add("reason", reason)
                .build()
                .toString();
    }
}
