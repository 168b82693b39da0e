package dcl.registry.domain.port.out;

import dcl.registry.domain.intelligence.MappingProposal;

/**
 * Told of every proposal made, so that strategies answering and fallbacks taken show in the
 * metrics.
 */
public interface ProposalObserver {
    void proposed(MappingProposal proposal);
}
