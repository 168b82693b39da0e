package dcl.registry.domain.port.out;

import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;

/**
 * Reads the changes recorded for a mapping, oldest first, one page at a time (an opaque cursor goes
 * on).
 */
public interface LoadMappingHistory {
    Page<MappingChange> historyOf(TenantId tenant, MappingId id, PageRequest page);
}
