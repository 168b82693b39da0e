package dcl.registry.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Refuses to start on a nonsense wiring timing or batch size, SLO or guard setting, naming the
 * property.
 */
public class WiringSettingsCheck implements Extension {
    void validate(@Observes AfterDeploymentValidation validation) {
        for (String problem : WiringSettings.configured().problems()) {
            validation.addDeploymentProblem(
                    new IllegalArgumentException("Invalid configuration: " + problem));
        }
        SloConfiguration slo = SloConfiguration.configured();
        for (Runnable setting : new Runnable[] {slo::settings, slo::guardInterval}) {
            try {
                setting.run(); // reading is the check
            } catch (IllegalArgumentException invalid) {
                validation.addDeploymentProblem(
                        new IllegalArgumentException(
                                "Invalid configuration: " + invalid.getMessage()));
            }
        }
    }
}
