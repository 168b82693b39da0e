package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.InvalidInput;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategies this installation can run, and the strategy a configuration stands for: {@code
 * mixed} is built over the others with the configuration's threshold (and kept, one per threshold).
 */
public final class StrategyCatalog {
    private final ProposalStrategy lexical;
    private final ProposalStrategy rag;
    private final Optional<ProposalStrategy> llm;
    private final ProposalStrategy learned;
    private final Map<Double, MixedStrategy> mixed = new ConcurrentHashMap<>();

    public StrategyCatalog(
            ProposalStrategy lexical,
            ProposalStrategy rag,
            Optional<ProposalStrategy> llm,
            ProposalStrategy learned) {
        this.lexical = lexical;
        this.rag = rag;
        this.llm = llm;
        this.learned = learned;
    }

    public Set<StrategyName> available() {
        Set<StrategyName> names = EnumSet.allOf(StrategyName.class);
        if (llm.isEmpty()) {
            names.remove(StrategyName.LLM);
        }
        return names;
    }

    /**
     * The strategy that proposes by {@code configuration}.
     *
     * @throws InvalidInput when it needs what this installation lacks (an LLM without a key)
     */
    public ProposalStrategy strategyFor(StrategyConfiguration configuration) {
        return switch (configuration.strategy()) {
            case LEXICAL -> lexical;
            case RAG -> rag;
            case LEARNED -> learned;
            case LLM ->
                    llm.orElseThrow(
                            () ->
                                    new InvalidInput(
                                            "strategy",
                                            "llm is not configured on this installation; available: "
                                                    + available().stream()
                                                            .map(StrategyName::label)
                                                            .sorted()
                                                            .toList()));
            case MIXED ->
                    mixed.computeIfAbsent(
                            configuration.mixedRagThreshold(),
                            t -> new MixedStrategy(rag, llm, lexical, t));
        };
    }
}
