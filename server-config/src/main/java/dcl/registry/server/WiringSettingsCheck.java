package dcl.registry.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;

/** Refuses to start on a nonsense wiring timing or batch size, naming the property. */
public class WiringSettingsCheck implements Extension {
    void validate(@Observes AfterDeploymentValidation validation) {
        for (String problem : WiringSettings.configured().problems()) {
            validation.addDeploymentProblem(
                    new IllegalArgumentException("Invalid configuration: " + problem));
        }
    }
}
