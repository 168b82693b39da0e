package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.port.in.TransformRecordsUseCase;
import dcl.registry.domain.transform.SourceRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The runtime sends raw records of one table and receives canonical events. */
@EndpointGroup(Group.LOOKUP)
@Path("/transform")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runtime")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class TransformResource {
    @Inject Caller caller;
    @Inject TransformRecordsUseCase transform;

    @POST
    @Operation(
            operationId = "transformRecords",
            summary =
                    "Apply a table's ACTIVE mappings and transforms to records; per-field errors"
                            + " are reported")
    @APIResponse(
            responseCode = "200",
            description = "Canonical events, and the fields no mapping covers")
    @APIResponse(
            responseCode = "400",
            description =
                    "No body, an invalid connector or table, or records missing, not objects or"
                            + " more than "
                            + SourceRecord.MAX_PER_CALL)
    public TransformResponse transform(TransformRequest body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: {connector, table, records:[...]}");
        }
        TransformRequest.Batch batch = body.toBatch();
        return TransformResponse.from(
                transform.transform(
                        caller.tenant(), batch.connector(), batch.table(), batch.records()));
    }
}
