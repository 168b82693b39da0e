package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.port.in.ServiceLevelsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's SLOs and error budgets, shared by all nodes: no tenant's data in them but the
 * reader's own (a halt or rollback set aside for its traffic names it).
 */
@EndpointGroup(Group.ADMIN)
@Path("/admin/slo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rollout")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class SloResource {
    @Inject ServiceLevelsUseCase levels;
    @Inject Caller caller;

    @GET
    @Operation(operationId = "getSlo", summary = "SLOs and error budgets over the window")
    @APIResponse(responseCode = "200", description = "Live figures of every node")
    public SloResponse get() {
        return SloResponse.from(levels.report(), caller.tenant());
    }
}
