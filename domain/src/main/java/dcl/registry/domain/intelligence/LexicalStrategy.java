package dcl.registry.domain.intelligence;

/**
 * Names, words, synonyms, edit distance and sample-value types: local, no model, always available.
 */
public final class LexicalStrategy implements ProposalStrategy {
    @Override
    public StrategyAnswer propose(ProposalContext context) {
        return StrategyAnswer.of(
                StrategyName.LEXICAL.label(), LexicalMatcher.rank(context, context.limit()));
    }
}
