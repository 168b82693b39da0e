package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * Which configuration a tenant's proposals follow: its own when set, else the fleet's rollout when
 * it reaches the tenant, else the installation's. The same rule on every node and for the check of
 * each decision.
 */
public final class StrategyResolution {
    private StrategyResolution() {}

    public static EffectiveConfiguration resolve(
            TenantId tenant,
            StrategyConfiguration installation,
            Optional<StrategyChange> own,
            Optional<StrategyChange> rollout) {
        if (own.isPresent() && own.get().configuration().isPresent()) {
            return new EffectiveConfiguration(
                    own.get().configuration().get(), ConfigurationOrigin.TENANT, own.get().id());
        }
        if (rollout.isPresent() && rollout.get().reaches(tenant)) {
            return new EffectiveConfiguration(
                    rollout.get().configuration().get(),
                    ConfigurationOrigin.ROLLOUT,
                    rollout.get().id());
        }
        return new EffectiveConfiguration(installation, ConfigurationOrigin.INSTALLATION, 0);
    }
}
