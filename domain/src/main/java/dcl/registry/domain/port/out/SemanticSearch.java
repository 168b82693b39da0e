package dcl.registry.domain.port.out;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/** Nearest neighbours by meaning (sentence embeddings), computed locally with no network. */
public interface SemanticSearch {
    /**
     * The tenant's known ACTIVE mappings whose source reads most like the request's, most similar
     * first.
     *
     * @throws StrategyUnavailable while the index is still being built
     */
    List<SimilarMapping> similarMappings(TenantId tenant, ProposalRequest request, int limit);

    /**
     * The schema's canonical fields whose name and description read most like the request, scored
     * by similarity.
     */
    List<Candidate> similarCanonicalFields(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit);
}
