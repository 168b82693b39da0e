package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.ConfidenceAssessment;
import java.util.List;
import java.util.Map;

/**
 * The score (now stored on the mapping), the factors behind it, and what would raise the weak ones.
 */
public record ConfidenceResponse(
        String mappingId, double score, Map<String, Double> factors, List<String> recommendations) {
    static ConfidenceResponse from(String mappingId, ConfidenceAssessment a) {
        return new ConfidenceResponse(mappingId, a.score(), a.factors(), a.recommendations());
    }
}
