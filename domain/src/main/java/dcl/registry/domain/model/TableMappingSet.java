package dcl.registry.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ACTIVE mappings of one source table, keyed by source field, with a version that grows on
 * every change to any mapping of the table (so it can serve as an ETag).
 */
public record TableMappingSet(
        ConnectorId connector,
        SourceTable table,
        long version,
        Map<SourceField, FieldMapping> fields) {

    public TableMappingSet {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static TableMappingSet of(
            ConnectorId connector, SourceTable table, long version, List<FieldMapping> active) {
        Map<SourceField, FieldMapping> byField = new LinkedHashMap<>();
        for (FieldMapping mapping : active) {
            byField.put(mapping.source().field(), mapping);
        }
        return new TableMappingSet(connector, table, version, byField);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
