package dcl.registry.application;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.TransformRecordsUseCase;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.transform.RecordTransformer;
import dcl.registry.domain.transform.SourceRecord;
import dcl.registry.domain.transform.TransformOutcome;
import java.util.List;

/** Applies a table's ACTIVE mapping set to the runtime's records. Read-only. */
public class RecordTransformService implements TransformRecordsUseCase {
    private final LoadMappings mappings;

    public RecordTransformService(LoadMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public TransformOutcome transform(
            TenantId tenant, ConnectorId connector, SourceTable table, List<SourceRecord> records) {
        return new RecordTransformer(mappings.table(tenant, connector, table)).transform(records);
    }
}
