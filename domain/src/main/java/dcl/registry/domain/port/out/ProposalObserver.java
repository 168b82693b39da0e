package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.intelligence.MappingProposal;

/**
 * Told of every proposal made, so that strategies answering and fallbacks taken show in the
 * metrics.
 */
public interface ProposalObserver {
    void proposed(MappingProposal proposal);

    /** Every decision recorded, violations included; by default nothing more. */
    default void decided(Decision decision) {}
}
