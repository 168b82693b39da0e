package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.StrategyConfiguration;

/**
 * The configuration a tenant's proposals follow, where it comes from and its version: the id of the
 * change that set it, 0 for the installation's own.
 */
public record EffectiveConfiguration(
        StrategyConfiguration configuration, ConfigurationOrigin origin, long version) {}
