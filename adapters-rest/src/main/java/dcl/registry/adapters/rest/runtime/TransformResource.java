package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.port.in.TransformRecordsUseCase;
import dcl.registry.domain.transform.SourceRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The runtime sends raw records of one table and receives canonical events. */
@Path("/transform")
@jakarta.enterprise.context.RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runtime")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class TransformResource {
    @Inject Caller caller;
    @Inject TransformRecordsUseCase transform;

    @POST
    @Operation(
            summary =
                    "Apply a table's ACTIVE mappings and transforms to records; per-field errors"
                            + " are reported")
    public TransformResponse transform(TransformRequest body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: {connector, table, records:[...]}");
        }
        Violations v = new Violations();
        ConnectorId connector = v.check(() -> new ConnectorId(body.connector()));
        SourceTable table = v.check(() -> new SourceTable(body.table()));
        if (body.records() == null) {
            v.add("records", "is required: a list of JSON objects");
        } else if (body.records().size() > SourceRecord.MAX_PER_CALL) {
            v.add("records", "at most " + SourceRecord.MAX_PER_CALL + " records per request");
        } else if (!body.records().stream()
                .allMatch(r -> r != null && r.getValueType() == JsonValue.ValueType.OBJECT)) {
            v.add("records", "every record must be a JSON object");
        }
        v.throwIfAny();
        List<SourceRecord> records =
                body.records().stream()
                        .map(record -> new SourceRecord(JsonValues.toMap(record.asJsonObject())))
                        .toList();
        return TransformResponse.from(
                transform.transform(caller.tenant(), connector, table, records));
    }
}
