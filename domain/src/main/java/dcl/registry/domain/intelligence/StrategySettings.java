package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.Violations;

/**
 * How proposals are made: the configured strategy, the similarity a {@code rag-lookup} needs to
 * answer, and the similarity at which {@code mixed} trusts retrieval. Checked when the service
 * starts.
 */
public record StrategySettings(
        StrategyName strategy, double lookupThreshold, double mixedRagThreshold) {
    public static final String STRATEGY = "dcl.intelligence.strategy";
    public static final String LOOKUP_THRESHOLD = "dcl.intelligence.rag.threshold";
    public static final String MIXED_RAG_THRESHOLD = "dcl.intelligence.mixed.rag-threshold";
    public static final double DEFAULT_LOOKUP_THRESHOLD = 0.85;
    public static final double DEFAULT_MIXED_RAG_THRESHOLD = 0.9;

    public StrategySettings {
        Violations v = new Violations();
        if (strategy == null) {
            v.add(STRATEGY, "must be one of " + StrategyName.allowed());
        }
        checkSimilarity(v, LOOKUP_THRESHOLD, lookupThreshold);
        checkSimilarity(v, MIXED_RAG_THRESHOLD, mixedRagThreshold);
        v.throwIfAny();
    }

    /** The installation's configuration: what a tenant follows until it or a rollout says else. */
    public StrategyConfiguration installation() {
        return new StrategyConfiguration(strategy, mixedRagThreshold);
    }

    private static void checkSimilarity(Violations v, String property, double value) {
        if (!(value > 0 && value <= 1)) {
            v.add(property, "must be a similarity in (0, 1], was " + value);
        }
    }
}
