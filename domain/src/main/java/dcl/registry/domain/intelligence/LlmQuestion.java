package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.TenantId;
import java.util.List;

/**
 * What the language model is asked: the source field, the canonical candidates and similar known
 * mappings, for the tenant whose proposal it is (its share of the calls in flight).
 */
public record LlmQuestion(
        TenantId tenant,
        ProposalRequest request,
        List<CanonicalCandidate> candidates,
        List<SimilarMapping> similar) {
    public LlmQuestion {
        candidates = List.copyOf(candidates);
        similar = List.copyOf(similar);
    }
}
