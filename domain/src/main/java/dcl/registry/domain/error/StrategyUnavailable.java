package dcl.registry.domain.error;

import dcl.registry.domain.intelligence.Fallback;

/**
 * A proposal strategy could not answer (model down, circuit open, index still warming, answer
 * rejected). {@code mixed} records it as a fallback and moves on; an explicitly configured strategy
 * reports it (503).
 */
public final class StrategyUnavailable extends DomainException {
    public static final int RETRY_AFTER_SECONDS = 30;
    private final transient Fallback fallback;

    public StrategyUnavailable(String strategy, String reason) {
        super("The " + strategy + " proposal strategy is unavailable: " + reason);
        this.fallback = new Fallback(strategy, reason);
    }

    public Fallback fallback() {
        return fallback;
    }
}
