package dcl.registry.domain.intelligence;

import java.util.List;

/**
 * What the language model is asked: the source field, the canonical candidates and similar known
 * mappings.
 */
public record LlmQuestion(
        ProposalRequest request,
        List<CanonicalCandidate> candidates,
        List<SimilarMapping> similar) {
    public LlmQuestion {
        candidates = List.copyOf(candidates);
        similar = List.copyOf(similar);
    }
}
