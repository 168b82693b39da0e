package dcl.registry.domain.port.out;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/**
 * The tenant's knowledge searched locally with no network: nearest neighbours by meaning (sentence
 * embeddings) and known mappings by name.
 */
public interface SemanticSearch {
    /**
     * The tenant's known ACTIVE mappings whose source reads most like the request's, most similar
     * first.
     *
     * @throws StrategyUnavailable while the index is still being built
     */
    List<SimilarMapping> similarMappings(TenantId tenant, ProposalRequest request, int limit);

    /**
     * What the tenant's known ACTIVE mappings say about a source field by name: same-named fields
     * elsewhere and the same table's other fields (a count, constant time at any size).
     *
     * @throws StrategyUnavailable while the index is still being built
     */
    LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source);

    /**
     * Up to {@code limit} of the tenant's known ACTIVE mappings, the most recently indexed first
     * (what its re-ranker learns from).
     */
    List<KnownMapping> knownMappings(TenantId tenant, int limit);

    /**
     * A number that changes whenever the tenant's known ACTIVE mappings change (a mapping indexed,
     * replaced or removed): what tells that its re-ranker has more to learn.
     */
    long knowledgeVersion(TenantId tenant);

    /**
     * How alike each canonical entity of the schema reads to the request's source table (its words
     * and description against the entity's name, description and fields), by entity name.
     */
    java.util.Map<String, Double> similarEntities(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request);

    /**
     * How alike each canonical field of the schema reads to the request's field alone (its words
     * and description, without table or entity), by field.
     */
    java.util.Map<dcl.registry.domain.model.CanonicalField, Double> similarFieldsAlone(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request);

    /**
     * The schema's canonical fields whose name and description read most like the request, scored
     * by similarity.
     */
    List<Candidate> similarCanonicalFields(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit);

    /**
     * Readies what the searches of one request compare (its texts' sentence embeddings), all at
     * once and side by side, before the searches that follow ask one at a time. Searching without
     * it gives the same answers; a search with nothing to ready does nothing.
     */
    default void prepare(TenantId tenant, ProposalRequest request) {}
}
