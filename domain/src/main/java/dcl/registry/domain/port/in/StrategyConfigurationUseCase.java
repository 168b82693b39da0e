package dcl.registry.domain.port.in;

import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The strategy configuration per tenant (gated by its shadow) and the fleet's staged rollout of a
 * configuration to a share of tenants, each with a one-call rollback.
 */
public interface StrategyConfigurationUseCase {
    /** The installation's configuration: what tenants follow when nothing else is set. */
    StrategyConfiguration installation();

    TenantView view(TenantId tenant);

    /**
     * Sets the tenant's configuration. Refused ({@code EquivalenceNotShown}) unless the candidate's
     * shadow met the gate, or {@code force} with a reason.
     */
    TenantView set(
            TenantId tenant,
            Actor actor,
            StrategyConfiguration configuration,
            boolean force,
            Optional<String> reason);

    /** Puts the tenant's previous configuration back. */
    TenantView rollBack(TenantId tenant, Actor actor, Optional<String> reason);

    RolloutView rollout();

    /** Stages the fleet's rollout: {@code configuration} for {@code percent} % of tenants. */
    RolloutView stage(
            TenantId owner,
            Actor actor,
            StrategyConfiguration configuration,
            int percent,
            Optional<String> reason);

    /** Puts the rollout's previous configuration and share back. */
    RolloutView rollBackRollout(TenantId owner, Actor actor, Optional<String> reason);

    record TenantView(
            TenantId tenant,
            EffectiveConfiguration effective,
            StrategyConfiguration installation,
            Optional<StrategyChange> rollout,
            int position,
            List<StrategyChange> history) {}

    record RolloutView(
            Optional<StrategyChange> current,
            StrategyConfiguration installation,
            List<StrategyChange> history) {}
}
