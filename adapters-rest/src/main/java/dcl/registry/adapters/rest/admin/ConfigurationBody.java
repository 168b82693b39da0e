package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A strategy configuration as requests write it: a strategy's name ({@code "rag"}), or an object
 * {@code {"strategy": "mixed", "mixedRagThreshold": 0.8}}; a threshold not given is the
 * installation's.
 */
final class ConfigurationBody {
    private static final Set<String> MEMBERS = Set.of("strategy", "mixedRagThreshold");

    private ConfigurationBody() {}

    static StrategyConfiguration parse(String field, JsonValue json, double defaultThreshold) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInput(
                    field,
                    "is required: a strategy ("
                            + StrategyName.allowed()
                            + ") or {\"strategy\":"
                            + " …, \"mixedRagThreshold\": …}");
        }
        if (json instanceof JsonString name) {
            return new StrategyConfiguration(strategy(field, name.getString()), defaultThreshold);
        }
        if (!(json instanceof JsonObject object)) {
            throw new InvalidInput(field, "must be a strategy's name or an object");
        }
        for (String member : object.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw new InvalidInput(
                        field + "." + member, "is not a member; allowed: " + MEMBERS);
            }
        }
        JsonValue strategy = object.get("strategy");
        if (!(strategy instanceof JsonString name)) {
            throw new InvalidInput(
                    field + ".strategy", "is required: one of " + StrategyName.allowed());
        }
        StrategyName named = strategy(field, name.getString());
        JsonValue threshold = object.get("mixedRagThreshold");
        double mixedRagThreshold = defaultThreshold;
        if (threshold != null && threshold.getValueType() != JsonValue.ValueType.NULL) {
            mixedRagThreshold = threshold(field + ".mixedRagThreshold", threshold);
        }
        try {
            return new StrategyConfiguration(named, mixedRagThreshold);
        } catch (InvalidInput invalid) {
            throw new InvalidInput(
                    field + ".mixedRagThreshold", invalid.violations().get(0).message());
        }
    }

    /**
     * Two decimals at most: a configuration reads as its label ({@code mixed(rag>=0.85)}) in the
     * shadow, the gate and the reports, so two thresholds must never read alike.
     */
    private static double threshold(String field, JsonValue json) {
        if (!(json instanceof JsonNumber number)) {
            throw new InvalidInput(field, "must be a number in (0, 1]");
        }
        BigDecimal value = number.bigDecimalValue();
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput(field, "must have two decimals at most, was " + value);
        }
        return value.doubleValue();
    }

    private static StrategyName strategy(String field, String name) {
        return StrategyName.parse(name)
                .orElseThrow(
                        () ->
                                new InvalidInput(
                                        field + ".strategy",
                                        "must be one of " + StrategyName.allowed()));
    }
}
