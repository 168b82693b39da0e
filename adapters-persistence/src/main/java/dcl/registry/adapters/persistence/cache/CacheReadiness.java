package dcl.registry.adapters.persistence.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the cache runs; reports the cluster members this node sees. */
@Readiness
@ApplicationScoped
public class CacheReadiness implements HealthCheck {
    @Inject RegistryCaches caches;
    @Inject CacheMetrics metrics;

    @Override
    public HealthCheckResponse call() {
        boolean running = caches.running();
        return HealthCheckResponse.named("cache")
                .status(running)
                .withData("members", running ? String.join(",", caches.members()) : "none")
                .withData(
                        "lookupHitRatio",
                        String.format("%.3f", metrics.ratio(RegistryCaches.LOOKUPS)))
                .build();
    }
}
