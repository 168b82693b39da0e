package dcl.registry.domain.port.in;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.transform.SourceRecord;
import dcl.registry.domain.transform.TransformOutcome;
import java.util.List;

/** The runtime hands raw records of one table and gets canonical events back. */
public interface TransformRecordsUseCase {
    TransformOutcome transform(
            TenantId tenant, ConnectorId connector, SourceTable table, List<SourceRecord> records);
}
