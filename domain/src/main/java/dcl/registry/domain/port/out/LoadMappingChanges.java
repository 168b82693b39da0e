package dcl.registry.domain.port.out;

import dcl.registry.domain.model.MappingChangeEvent;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/** Reads the committed mapping changes of a tenant in sequence order (the transactional outbox). */
public interface LoadMappingChanges {
    List<MappingChangeEvent> after(TenantId tenant, long seq, int limit);
}
