package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;

/** A known ACTIVE mapping of a tenant, as its re-ranker learns from it. */
public record KnownMapping(MappingId id, SourceRef source, CanonicalField target) {}
