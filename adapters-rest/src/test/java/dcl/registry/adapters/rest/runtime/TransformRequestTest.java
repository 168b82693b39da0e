package dcl.registry.adapters.rest.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.transform.SourceRecord;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformRequestTest {
    private static List<String> fields(InvalidInput invalid) {
        return invalid.violations().stream().map(InvalidInput.Violation::field).toList();
    }

    @Test
    void givenATableAndObjectRecords_whenParsed_thenTheBatchHoldsTheirValues() {
        JsonValue record = Json.createObjectBuilder().add("Amount", 12).add("Name", "x").build();

        TransformRequest.Batch batch =
                new TransformRequest("SalesForce", "Opportunity", List.of(record)).toBatch();

        assertEquals(new ConnectorId("salesforce"), batch.connector());
        assertEquals("Opportunity", batch.table().name());
        assertEquals(1, batch.records().size());
        assertEquals(Set.of("Amount", "Name"), batch.records().get(0).values().keySet());
    }

    @Test
    void givenNoRecordsAndAnInvalidConnector_whenParsed_thenBothAreReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () -> new TransformRequest("no spaces", "t", null).toBatch());

        assertEquals(List.of("connector", "records"), fields(invalid));
    }

    @Test
    void givenARecordThatIsNotAnObject_whenParsed_thenRecordsIsReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new TransformRequest(
                                                "c", "t", List.of(Json.createValue("just text")))
                                        .toBatch());

        assertEquals(List.of("records"), fields(invalid));
        assertEquals("every record must be a JSON object", invalid.violations().get(0).message());
    }

    @Test
    void givenMoreRecordsThanTheLimit_whenParsed_thenRecordsIsReported() {
        List<JsonValue> tooMany =
                Collections.nCopies(SourceRecord.MAX_PER_CALL + 1, JsonValue.EMPTY_JSON_OBJECT);

        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () -> new TransformRequest("c", "t", tooMany).toBatch());

        assertEquals(List.of("records"), fields(invalid));
    }
}
