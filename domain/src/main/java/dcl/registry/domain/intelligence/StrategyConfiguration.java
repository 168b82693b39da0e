package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.InvalidInput;
import java.util.Locale;

/**
 * What a tenant's proposals are made with: a strategy and, for {@code mixed}, the similarity at
 * which it trusts retrieval. The unit that is set per tenant, shadowed, rolled out and rolled back.
 */
public record StrategyConfiguration(StrategyName strategy, double mixedRagThreshold) {
    public StrategyConfiguration {
        if (strategy == null) {
            throw new InvalidInput("strategy", "must be one of " + StrategyName.allowed());
        }
        if (!(mixedRagThreshold > 0 && mixedRagThreshold <= 1)) {
            throw new InvalidInput(
                    "mixedRagThreshold",
                    "must be a similarity in (0, 1], was " + mixedRagThreshold);
        }
    }

    /**
     * The same configuration, whatever a threshold only {@code mixed} uses says: what a shadow must
     * have run before the gate lets it serve.
     */
    public boolean sameAs(StrategyConfiguration other) {
        return strategy == other.strategy
                && (strategy != StrategyName.MIXED || mixedRagThreshold == other.mixedRagThreshold);
    }

    /**
     * Reads as {@code lexical}, or {@code mixed(rag>=0.90)}: the threshold only where it counts.
     */
    public String label() {
        return strategy == StrategyName.MIXED
                ? String.format(Locale.ROOT, "mixed(rag>=%.2f)", mixedRagThreshold)
                : strategy.label();
    }

    @Override
    public String toString() {
        return label();
    }
}
