package dcl.registry.adapters.persistence;

import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;

/**
 * A strategy configuration as the tables keep it: the strategy's label in one column, the threshold
 * of {@code mixed} in the next.
 */
final class ConfigurationColumns {
    private ConfigurationColumns() {}

    static StrategyConfiguration read(Object strategy, Object threshold) {
        return new StrategyConfiguration(
                StrategyName.parse((String) strategy).orElseThrow(),
                ((Number) threshold).doubleValue());
    }
}
