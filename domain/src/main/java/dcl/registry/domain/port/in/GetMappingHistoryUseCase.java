package dcl.registry.domain.port.in;

import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;

/** Every version of a mapping: who, when, why, before and after; oldest first, page by page. */
public interface GetMappingHistoryUseCase {
    /**
     * @throws dcl.registry.domain.error.MappingNotFound when the tenant has no such mapping
     */
    Page<MappingChange> history(TenantId tenant, MappingId id, PageRequest page);
}
