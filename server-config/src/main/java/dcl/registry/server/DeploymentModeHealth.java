package dcl.registry.server;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The mode the service runs in, for operators and probes: {@code /health} says it on every call.
 */
@Liveness
@ApplicationScoped
public class DeploymentModeHealth implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        String mode = DeploymentMode.configured().label();
        return HealthCheckResponse.named("mode").up().withData("mode", mode).build();
    }
}
