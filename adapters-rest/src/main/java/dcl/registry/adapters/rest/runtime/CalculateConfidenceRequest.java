package dcl.registry.adapters.rest.runtime;

/** Body of {@code POST /dcl/intelligence/calculate-confidence}. */
public record CalculateConfidenceRequest(String mappingId, Observations validationResults) {
    /** What the runtime observed, each in [0, 1]; all optional. */
    public record Observations(Double successRate, Double ragSimilarity, Double usageFrequency) {}
}
