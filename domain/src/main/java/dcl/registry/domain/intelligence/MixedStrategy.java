package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.StrategyUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default route: {@code rag} when its best similarity reaches the threshold, else {@code llm}
 * when one is configured, else {@code lexical}. A strategy that fails on the way is a fallback,
 * listed in the answer. Choosing {@code lexical} because no LLM is configured is the configuration,
 * not a fallback.
 */
public final class MixedStrategy implements ProposalStrategy {
    private final ProposalStrategy rag;
    private final Optional<ProposalStrategy> llm;
    private final ProposalStrategy lexical;
    private final double ragThreshold;

    public MixedStrategy(
            ProposalStrategy rag,
            Optional<ProposalStrategy> llm,
            ProposalStrategy lexical,
            double ragThreshold) {
        this.rag = rag;
        this.llm = llm;
        this.lexical = lexical;
        this.ragThreshold = ragThreshold;
    }

    @Override
    public StrategyAnswer propose(ProposalContext context) {
        List<Fallback> taken = new ArrayList<>();
        try {
            StrategyAnswer retrieved = rag.propose(context);
            if (retrieved.bestScore() >= ragThreshold) {
                return retrieved;
            }
        } catch (StrategyUnavailable unavailable) {
            taken.add(unavailable.fallback());
        }
        if (llm.isPresent()) {
            try {
                return llm.get().propose(context).after(taken);
            } catch (StrategyUnavailable unavailable) {
                taken.add(unavailable.fallback());
            }
        }
        return lexical.propose(context).after(taken);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "mixed(rag >= %.2f, llm %s, lexical)",
                ragThreshold,
                llm.isPresent() ? "configured" : "not configured");
    }
}
