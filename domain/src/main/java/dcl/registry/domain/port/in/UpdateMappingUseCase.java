package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** An admin changes where a mapping points, based on the version they read. Admin write path only. */
public interface UpdateMappingUseCase {
  FieldMapping update(UpdateMapping command);

  record UpdateMapping(
      TenantId tenant,
      Actor actor,
      MappingId id,
      Optional<Long> expectedVersion,
      CanonicalField target,
      Optional<Transform> transform,
      Confidence confidence,
      Optional<String> reason) {}
}
