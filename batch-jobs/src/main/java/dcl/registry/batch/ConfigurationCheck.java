package dcl.registry.batch;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;

/**
 * Refuses to start the application when the schedule's configuration is wrong: each problem is a
 * deployment problem naming the property and what it should look like.
 */
public class ConfigurationCheck implements Extension {
    void validate(@Observes AfterDeploymentValidation validation) {
        List<String> problems = new ScheduleSettings().problems();
        for (String problem : problems) {
            validation.addDeploymentProblem(
                    new IllegalArgumentException("Invalid configuration: " + problem));
        }
    }
}
