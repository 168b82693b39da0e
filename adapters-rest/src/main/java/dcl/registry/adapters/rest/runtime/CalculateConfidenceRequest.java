package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.ValidationResults;
import java.util.Optional;

/** Body of {@code POST /dcl/intelligence/calculate-confidence}. */
public record CalculateConfidenceRequest(String mappingId, Observations validationResults) {
    /** What the runtime observed, each in [0, 1]; all optional. */
    public record Observations(Double successRate, Double ragSimilarity, Double usageFrequency) {}

    /**
     * The observations sent. The object itself is required: each call stores a new version of the
     * mapping, and a body that forgot it would lower the stored confidence unnoticed.
     */
    ValidationResults toValidationResults() {
        if (validationResults == null) {
            throw new InvalidInput(
                    "validationResults",
                    "is required: what the runtime observed, each of successRate, ragSimilarity,"
                            + " usageFrequency optional ({} when nothing was observed)");
        }
        return new ValidationResults(
                Optional.ofNullable(validationResults.successRate()),
                Optional.ofNullable(validationResults.ragSimilarity()),
                Optional.ofNullable(validationResults.usageFrequency()));
    }
}
