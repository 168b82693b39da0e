package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping's confidence: the weighted factors (source quality, usage, validation, human approval,
 * RAG similarity), the score, and what would raise the weak factors.
 */
public record ConfidenceAssessment(
        double score, Map<String, Double> factors, List<String> recommendations) {
    private static final double WEAK = 0.5;

    public static ConfidenceAssessment of(
            FieldMapping mapping, ValidationResults results, ConfidenceWeights weights) {
        Map<String, Double> factors = new LinkedHashMap<>();
        List<String> recommendations = new ArrayList<>();
        factors.put("sourceQuality", sourceQuality(mapping.provenance()));
        factors.put("usageFrequency", results.usageFrequency().orElse(0.0));
        factors.put("validationSuccess", results.successRate().orElse(0.0));
        factors.put("humanApproval", humanDecided(mapping) ? 1.0 : 0.0);
        factors.put("ragSimilarity", results.ragSimilarity().orElse(0.0));
        if (results.usageFrequency().isEmpty()) {
            recommendations.add(
                    "usageFrequency unknown (counted as 0): report how often the runtime uses this"
                            + " mapping");
        }
        if (results.successRate().isEmpty()) {
            recommendations.add(
                    "validationSuccess unknown (counted as 0): report the share of values"
                            + " transformed without error");
        } else if (results.successRate().get() < WEAK) {
            recommendations.add(
                    "validationSuccess is low: check the transform against sample values");
        }
        if (factors.get("humanApproval") == 0.0) {
            recommendations.add("no human decision yet: submit the mapping for approval");
        }
        if (factors.get("sourceQuality") < WEAK + 0.1) {
            recommendations.add(
                    "sourceQuality is low (provenance "
                            + mapping.provenance().label()
                            + "): have an admin confirm it");
        }
        if (results.ragSimilarity().isPresent() && results.ragSimilarity().get() < WEAK) {
            recommendations.add("ragSimilarity is low: few known mappings look like this one");
        }
        double score = 0;
        for (Map.Entry<String, Double> weight : weights.asMap().entrySet()) {
            score += weight.getValue() * factors.get(weight.getKey());
        }
        return new ConfidenceAssessment(
                Math.round(score * 10_000) / 10_000.0, factors, recommendations);
    }

    /**
     * Admin decisions, approved mappings and the hand-written legacy files were decided by a
     * person.
     */
    static boolean humanDecided(FieldMapping mapping) {
        return mapping.provenance() == Provenance.ADMIN
                || mapping.status() == MappingStatus.APPROVED
                || mapping.provenance() == Provenance.YAML_IMPORT;
    }

    private static double sourceQuality(Provenance provenance) {
        return switch (provenance) {
            case ADMIN -> 1.0;
            case YAML_IMPORT, RESTORE -> 0.9;
            case DRIFT_REPAIR -> 0.6;
            case PROPOSAL -> 0.5;
        };
    }
}
