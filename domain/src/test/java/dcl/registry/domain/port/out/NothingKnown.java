package dcl.registry.domain.port.out;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Map;

/**
 * A tenant's knowledge searched when it knows no mapping and its schema offers no meaning: tests
 * override what their case knows.
 */
public class NothingKnown implements SemanticSearch {
    @Override
    public List<SimilarMapping> similarMappings(
            TenantId tenant, ProposalRequest request, int limit) {
        return List.of();
    }

    @Override
    public LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source) {
        return LookAlikeIndex.Votes.NONE;
    }

    @Override
    public List<KnownMapping> knownMappings(TenantId tenant, int limit) {
        return List.of();
    }

    @Override
    public long knowledgeVersion(TenantId tenant) {
        return 0;
    }

    @Override
    public Map<String, Double> similarEntities(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request) {
        return Map.of();
    }

    @Override
    public Map<CanonicalField, Double> similarFieldsAlone(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request) {
        return Map.of();
    }

    @Override
    public List<Candidate> similarCanonicalFields(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit) {
        return List.of();
    }
}
