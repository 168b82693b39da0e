package dcl.registry.domain.port.out;

import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/** Reads the changes recorded for a mapping, oldest first. */
public interface LoadMappingHistory {
  List<MappingChange> historyOf(TenantId tenant, MappingId id);
}
