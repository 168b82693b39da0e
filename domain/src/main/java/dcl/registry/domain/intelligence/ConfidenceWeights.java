package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.Score;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each factor counts in a mapping's confidence; each a {@link Score}, together exactly 1.
 */
public record ConfidenceWeights(
        double sourceQuality,
        double usageFrequency,
        double validationSuccess,
        double humanApproval,
        double ragSimilarity) {

    public static final ConfidenceWeights SEED = new ConfidenceWeights(0.2, 0.15, 0.3, 0.25, 0.1);
    private static final double TOLERANCE = 1e-6;

    public ConfidenceWeights {
        Map<String, Double> all =
                asMap(
                        sourceQuality,
                        usageFrequency,
                        validationSuccess,
                        humanApproval,
                        ragSimilarity);
        for (Map.Entry<String, Double> weight : all.entrySet()) {
            Score.require("dcl.confidence.weight." + weight.getKey(), weight.getValue());
        }
        double sum = all.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1.0) > TOLERANCE) {
            throw new InvalidInput(
                    "dcl.confidence.weight.*",
                    "the five weights must sum to 1 (they sum to " + sum + ")");
        }
    }

    public Map<String, Double> asMap() {
        return asMap(
                sourceQuality, usageFrequency, validationSuccess, humanApproval, ragSimilarity);
    }

    private static Map<String, Double> asMap(
            double sq, double uf, double vs, double ha, double rs) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("sourceQuality", sq);
        map.put("usageFrequency", uf);
        map.put("validationSuccess", vs);
        map.put("humanApproval", ha);
        map.put("ragSimilarity", rs);
        return map;
    }
}
