package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.transform.SourceRecord;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** Body of {@code POST /dcl/transform}. */
public record TransformRequest(String connector, String table, List<JsonValue> records) {
    /** The records of one table, ready to transform. */
    public record Batch(ConnectorId connector, SourceTable table, List<SourceRecord> records) {}

    /** The batch; every invalid member is reported at once. */
    Batch toBatch() {
        Violations violations = new Violations();
        ConnectorId connectorId = violations.check(() -> new ConnectorId(connector));
        SourceTable sourceTable = violations.check(() -> new SourceTable(table));
        recordsProblem().ifPresent(problem -> violations.add("records", problem));
        violations.throwIfAny();
        return new Batch(
                connectorId,
                sourceTable,
                records.stream()
                        .map(record -> new SourceRecord(JsonValues.toMap(record.asJsonObject())))
                        .toList());
    }

    private Optional<String> recordsProblem() {
        if (records == null) {
            return Optional.of("is required: a list of JSON objects");
        }
        if (records.size() > SourceRecord.MAX_PER_CALL) {
            return Optional.of("at most " + SourceRecord.MAX_PER_CALL + " records per request");
        }
        if (!records.stream()
                .allMatch(r -> r != null && r.getValueType() == JsonValue.ValueType.OBJECT)) {
            return Optional.of("every record must be a JSON object");
        }
        return Optional.empty();
    }
}
