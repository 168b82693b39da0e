package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's canonical model (the default CRM model until an admin changes it). */
@EndpointGroup(Group.LIST_SEARCH)
@Path("/canonical/entities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Canonical schema")
@RolesAllowed({Roles.VIEWER, Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN, Roles.OPERATOR})
public class CanonicalReadResource {
    @Inject Caller caller;
    @Inject CanonicalSchemaUseCase schemas;

    @GET
    @Operation(
            operationId = "listCanonicalEntities",
            summary = "Canonical entities with their fields (name, type, description)")
    public List<CanonicalEntityResponse> entities() {
        return schemas.schema(caller.tenant()).entities().stream()
                .map(CanonicalEntityResponse::from)
                .toList();
    }
}
