package dcl.registry.domain.intelligence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strategy's ranked candidates with the evidence behind them: the strategy that answered, the
 * similar known mappings it used, the prompt version (LLM only), the version of the ranking model
 * that weighed the candidates (learned only), the fallbacks taken on the way, and whether it
 * abstained (no candidate is likely enough to propose: the candidates are only the nearest).
 */
public record StrategyAnswer(
        String strategy,
        List<Candidate> candidates,
        List<SimilarMapping> similar,
        Optional<String> promptVersion,
        Optional<String> rankingModel,
        List<Fallback> degraded,
        boolean abstained) {

    public StrategyAnswer {
        candidates = List.copyOf(candidates);
        similar = List.copyOf(similar);
        degraded = List.copyOf(degraded);
    }

    public StrategyAnswer(
            String strategy,
            List<Candidate> candidates,
            List<SimilarMapping> similar,
            Optional<String> promptVersion,
            List<Fallback> degraded) {
        this(strategy, candidates, similar, promptVersion, Optional.empty(), degraded, false);
    }

    public static StrategyAnswer of(String strategy, List<Candidate> candidates) {
        return new StrategyAnswer(strategy, candidates, List.of(), Optional.empty(), List.of());
    }

    public double bestScore() {
        return candidates.isEmpty() ? 0 : candidates.get(0).score();
    }

    /** The same answer, reached after these fallbacks. */
    public StrategyAnswer after(List<Fallback> taken) {
        List<Fallback> all = new ArrayList<>(taken);
        all.addAll(degraded);
        return new StrategyAnswer(
                strategy, candidates, similar, promptVersion, rankingModel, all, abstained);
    }
}
