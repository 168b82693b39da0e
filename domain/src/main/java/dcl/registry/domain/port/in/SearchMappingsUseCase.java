package dcl.registry.domain.port.in;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;

/** Lists and searches a tenant's mappings, page by page. */
public interface SearchMappingsUseCase {
    Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page);
}
