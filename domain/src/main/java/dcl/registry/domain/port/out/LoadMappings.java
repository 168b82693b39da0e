package dcl.registry.domain.port.out;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/** Reads mappings; never sees another tenant's rows. */
public interface LoadMappings {
    Optional<FieldMapping> byId(TenantId tenant, MappingId id);

    /** The mapping with this identity (table compared case-insensitively), in any status. */
    Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source);

    /**
     * The served mapping with this identity when this layer already holds it in memory, without
     * reading a store or a file; empty when it does not (then {@link #byIdentity} finds out). Read
     * stacks answer the runtime's most frequent question with it before doing anything else.
     */
    default Optional<FieldMapping> servedInMemory(TenantId tenant, SourceRef source) {
        return Optional.empty();
    }

    /** The ACTIVE mappings of a table, with the table's change version. */
    TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table);

    Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page);
}
