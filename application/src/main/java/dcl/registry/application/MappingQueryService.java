package dcl.registry.application;

import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.GetMappingHistoryUseCase;
import dcl.registry.domain.port.in.GetMappingUseCase;
import dcl.registry.domain.port.in.GetTableMappingsUseCase;
import dcl.registry.domain.port.in.LookUpMappingUseCase;
import dcl.registry.domain.port.in.SearchMappingsUseCase;
import dcl.registry.domain.port.out.LoadMappingHistory;
import dcl.registry.domain.port.out.LoadMappings;
import java.util.Optional;

/** The read side: what the runtime and viewers ask. Never writes. */
public class MappingQueryService
        implements LookUpMappingUseCase,
                GetMappingUseCase,
                GetTableMappingsUseCase,
                SearchMappingsUseCase,
                GetMappingHistoryUseCase {

    private final LoadMappings mappings;
    private final LoadMappingHistory history;

    public MappingQueryService(LoadMappings mappings, LoadMappingHistory history) {
        this.mappings = mappings;
        this.history = history;
    }

    @Override
    public FieldMapping lookUp(TenantId tenant, SourceRef source) {
        return mappings.byIdentity(tenant, source)
                .filter(FieldMapping::isServed)
                .orElseThrow(() -> new MappingNotFound(source.toString()));
    }

    @Override
    public Optional<FieldMapping> lookUpInMemory(TenantId tenant, SourceRef source) {
        return mappings.servedInMemory(tenant, source);
    }

    @Override
    public FieldMapping get(TenantId tenant, MappingId id) {
        return mappings.byId(tenant, id).orElseThrow(() -> new MappingNotFound("id " + id));
    }

    @Override
    public TableMappingSet tableMappings(
            TenantId tenant, ConnectorId connector, SourceTable table) {
        TableMappingSet set = mappings.table(tenant, connector, table);
        if (set.isEmpty()) {
            throw new MappingNotFound("table " + connector + "/" + table + " (no ACTIVE mappings)");
        }
        return set;
    }

    @Override
    public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
        return mappings.search(tenant, query, page);
    }

    @Override
    public Page<MappingChange> history(TenantId tenant, MappingId id, PageRequest page) {
        get(tenant, id);
        return history.historyOf(tenant, id, page);
    }
}
