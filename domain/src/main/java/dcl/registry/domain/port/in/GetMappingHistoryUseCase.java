package dcl.registry.domain.port.in;

import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/** Every version of a mapping: who, when, why, before and after; oldest first. */
public interface GetMappingHistoryUseCase {
  List<MappingChange> history(TenantId tenant, MappingId id);
}
