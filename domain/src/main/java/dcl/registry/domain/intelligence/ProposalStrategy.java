package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.StrategyUnavailable;

/** One way of proposing canonical targets for a source field. */
public interface ProposalStrategy {
    /**
     * Ranks at most {@code context.limit()} candidates, best first.
     *
     * @throws StrategyUnavailable when this strategy cannot answer now; never answers with a guess
     *     instead
     */
    StrategyAnswer propose(ProposalContext context);
}
