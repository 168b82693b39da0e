package dcl.registry.server;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.ConfidenceWeights;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The intelligence settings from MicroProfile Config, checked before the application starts: a wrong
 * value is a deployment problem naming the property and what is allowed.
 */
public class IntelligenceSettings implements Extension {
  static final String WEIGHT = "dcl.confidence.weight.";

  void validate(@Observes AfterDeploymentValidation validation) {
    try {
      weights();
    } catch (InvalidInput invalid) {
      invalid.violations().forEach(v -> validation.addDeploymentProblem(new IllegalArgumentException(
          "Invalid configuration: " + v.field() + " " + v.message())));
    } catch (IllegalArgumentException notANumber) {
      validation.addDeploymentProblem(new IllegalArgumentException(
          "Invalid configuration: " + WEIGHT + "* must be numbers between 0 and 1: " + notANumber.getMessage()));
    }
  }

  /** The confidence weights: the seed's (0.2, 0.15, 0.3, 0.25, 0.1) unless configured. */
  static ConfidenceWeights weights() {
    Config config = ConfigProvider.getConfig();
    ConfidenceWeights seed = ConfidenceWeights.SEED;
    List<Double> values = List.of(
        config.getOptionalValue(WEIGHT + "source-quality", Double.class).orElse(seed.sourceQuality()),
        config.getOptionalValue(WEIGHT + "usage-frequency", Double.class).orElse(seed.usageFrequency()),
        config.getOptionalValue(WEIGHT + "validation-success", Double.class).orElse(seed.validationSuccess()),
        config.getOptionalValue(WEIGHT + "human-approval", Double.class).orElse(seed.humanApproval()),
        config.getOptionalValue(WEIGHT + "rag-similarity", Double.class).orElse(seed.ragSimilarity()));
    return new ConfidenceWeights(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
  }
}
