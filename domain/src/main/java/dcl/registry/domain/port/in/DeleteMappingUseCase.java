package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/** An admin retires a mapping: it becomes DEPRECATED and stays in the history. Admin write path only. */
public interface DeleteMappingUseCase {
  FieldMapping delete(DeleteMapping command);

  record DeleteMapping(TenantId tenant, Actor actor, MappingId id, Optional<Long> expectedVersion, Optional<String> reason) {}
}
