package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;

/**
 * A known ACTIVE mapping whose source resembles the field being proposed for (cosine similarity in
 * [0, 1]).
 */
public record SimilarMapping(
        MappingId mappingId, SourceRef source, CanonicalField target, double similarity) {}
