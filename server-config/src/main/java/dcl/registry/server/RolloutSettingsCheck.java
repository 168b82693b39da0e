package dcl.registry.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;

/** Refuses to start on an unreadable rollout staleness bound, naming the property. */
public class RolloutSettingsCheck implements Extension {
    void validate(@Observes AfterDeploymentValidation validation) {
        try {
            UseCaseWiring.maxStale();
        } catch (IllegalArgumentException invalid) {
            validation.addDeploymentProblem(
                    new IllegalArgumentException("Invalid configuration: " + invalid.getMessage()));
        }
    }
}
