package dcl.registry.domain.port.in;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;

/** One mapping by id, in whatever status it is. */
public interface GetMappingUseCase {
    FieldMapping get(TenantId tenant, MappingId id);
}
