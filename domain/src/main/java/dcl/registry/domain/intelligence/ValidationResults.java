package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.Score;
import java.util.Optional;

/** What the runtime observed about a mapping: share of values it transformed without error, etc. */
public record ValidationResults(
        Optional<Double> successRate,
        Optional<Double> ragSimilarity,
        Optional<Double> usageFrequency) {
    public ValidationResults {
        check("validationResults.successRate", successRate);
        check("validationResults.ragSimilarity", ragSimilarity);
        check("validationResults.usageFrequency", usageFrequency);
    }

    private static void check(String field, Optional<Double> value) {
        value.ifPresent(score -> Score.require(field, score));
    }
}
