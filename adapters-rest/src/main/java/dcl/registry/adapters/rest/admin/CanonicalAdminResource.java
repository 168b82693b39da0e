package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.CanonicalEntityResponse;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins define or replace canonical entities; audited. */
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
    @Operation(summary = "Define or replace an entity's fields: 201 when new, 200 when replaced")
    public Response define(@PathParam("entity") String name, DefineEntityRequest body) {
        if (body == null) {
            throw new InvalidInput(
                    "body", "is required: {description?, fields:[{name, type?, description?}]}");
        }
        CanonicalEntity entity = body.toDomain(name);
        boolean created =
                schemas.define(
                        caller.tenant(),
                        caller.actor(),
                        entity,
                        Optional.ofNullable(body.reason()));
        return Response.status(created ? 201 : 200)
                .entity(CanonicalEntityResponse.from(entity))
                .build();
    }

    @DELETE
    @Path("{entity}")
    @Operation(
            summary =
                    "Remove an entity from the tenant's canonical model; 404 when it has none of"
                            + " that name")
    public Response remove(@PathParam("entity") String name, @QueryParam("reason") String reason) {
        schemas.remove(caller.tenant(), caller.actor(), name, Optional.ofNullable(reason));
        return Response.noContent().build();
    }
}
