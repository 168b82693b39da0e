package dcl.registry.domain.port.out;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.intelligence.MappingProposal;
import java.time.Duration;

/**
 * Told of every proposal made, so that strategies answering and fallbacks taken show in the
 * metrics.
 */
public interface ProposalObserver {
    void proposed(MappingProposal proposal);

    /**
     * Every decision recorded, violations included, with what recording it cost (judging it against
     * the stored configuration and writing it); by default nothing more.
     */
    default void decided(Decision decision, Duration recording) {}
}
