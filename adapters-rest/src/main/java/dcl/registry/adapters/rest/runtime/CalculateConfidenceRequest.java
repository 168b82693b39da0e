package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.ValidationResults;
import java.util.Optional;

/** Body of {@code POST /dcl/intelligence/calculate-confidence}. */
public record CalculateConfidenceRequest(String mappingId, Observations validationResults) {
    /** What the runtime observed, each in [0, 1]; all optional. */
    public record Observations(Double successRate, Double ragSimilarity, Double usageFrequency) {}

    /** The observations sent; none sent is none observed. */
    ValidationResults toValidationResults() {
        Observations o =
                validationResults == null ? new Observations(null, null, null) : validationResults;
        return new ValidationResults(
                Optional.ofNullable(o.successRate()),
                Optional.ofNullable(o.ragSimilarity()),
                Optional.ofNullable(o.usageFrequency()));
    }
}
