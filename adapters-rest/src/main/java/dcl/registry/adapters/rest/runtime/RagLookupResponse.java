package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.SourceRef;

/**
 * What the registry already knows for a field like this one: the target and the known mapping it
 * came from.
 */
public record RagLookupResponse(
        String connector,
        String sourceTable,
        String sourceField,
        String canonicalEntity,
        String canonicalField,
        double similarity,
        ProposalResponse.Similar matchedMapping) {

    static RagLookupResponse from(SourceRef source, SimilarMapping match) {
        double similarity = Math.round(match.similarity() * 1000) / 1000.0;
        return new RagLookupResponse(
                source.connector().value(),
                source.table().name(),
                source.field().name(),
                match.target().entity(),
                match.target().field(),
                similarity,
                new ProposalResponse.Similar(
                        match.mappingId().toString(),
                        match.source().toString(),
                        match.target().entity(),
                        match.target().field(),
                        similarity));
    }
}
