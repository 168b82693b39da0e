package dcl.registry.server;

import dcl.registry.application.RolloutService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * No silent fallback: while rollout settings are served unconfirmed (database outage), /metrics
 * shows for how long, as {@code dcl_rollout_settings_stale_seconds} (the oldest on this node; 0
 * when none).
 */
@ApplicationScoped
public class RolloutStalenessGauge {
    @Inject RolloutService rollout;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(
                "dcl_rollout_settings_stale_seconds",
                rollout,
                r -> r.oldestStaleness().toMillis() / 1000.0);
    }
}
