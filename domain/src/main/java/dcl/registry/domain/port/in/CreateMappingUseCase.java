package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** An admin decides a new mapping. Admin write path only. */
public interface CreateMappingUseCase {
    FieldMapping create(CreateMapping command);

    record CreateMapping(
            TenantId tenant,
            Actor actor,
            SourceRef source,
            CanonicalField target,
            Optional<Transform> transform,
            Confidence confidence,
            Optional<String> reason) {}
}
