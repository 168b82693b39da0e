package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * An ACTIVE mapping as the semantic index holds it; the vector is absent when none is stored for
 * the model yet.
 */
public record KnownVector(
        TenantId tenant,
        MappingId mappingId,
        SourceRef source,
        CanonicalField target,
        Optional<QuantizedVector> vector) {}
