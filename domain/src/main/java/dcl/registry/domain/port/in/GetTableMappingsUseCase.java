package dcl.registry.domain.port.in;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;

/** The ACTIVE mapping set of one source table. */
public interface GetTableMappingsUseCase {
    TableMappingSet tableMappings(TenantId tenant, ConnectorId connector, SourceTable table);
}
