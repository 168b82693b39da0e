package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.CanonicalEntityResponse;
import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins define or replace canonical entities; audited. */
@EndpointGroup(Group.WRITE)
@Path("/canonical/entities")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Canonical schema")
@RolesAllowed(Roles.ADMIN)
public class CanonicalAdminResource {
    @Inject Caller caller;
    @Inject CanonicalSchemaUseCase schemas;

    @PUT
    @Path("{entity}")
    @Operation(
            operationId = "defineCanonicalEntity",
            summary = "Define or replace an entity's fields: 201 when new, 200 when replaced")
    @APIResponse(
            responseCode = "201",
            description = "Defined",
            content = @Content(schema = @Schema(implementation = CanonicalEntityResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = CanonicalEntityResponse.class)))
    @APIResponse(responseCode = "400", description = "No body, or an invalid entity or field")
    public Response define(@PathParam("entity") String name, DefineEntityRequest body) {
        if (body == null) {
            throw new InvalidInput(
                    "body", "is required: {description?, fields:[{name, type?, description?}]}");
        }
        CanonicalEntity entity = body.toDomain(name);
        Optional<String> reason = Optional.ofNullable(body.reason());
        boolean created = schemas.define(caller.tenant(), caller.actor(), entity, reason);
        return Response.status(created ? 201 : 200)
                .entity(CanonicalEntityResponse.from(entity))
                .build();
    }

    @DELETE
    @Path("{entity}")
    @Operation(
            operationId = "removeCanonicalEntity",
            summary =
                    "Remove an entity from the tenant's canonical model; 404 when it has none of"
                            + " that name")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "404",
            description = "The tenant's model has no entity of that name")
    public Response remove(@PathParam("entity") String name, @QueryParam("reason") String reason) {
        schemas.remove(caller.tenant(), caller.actor(), name, Optional.ofNullable(reason));
        return Response.noContent().build();
    }
}
