package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.rollout.SourceOfTruth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rollout control of the caller's tenant: the source of truth (registry, or the legacy YAML as an
 * emergency rollback), the legacy folder, dual-read. Changes are audited and in force on every node
 * within seconds.
 */
@EndpointGroup(Group.ADMIN)
@Path("/admin/rollout")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rollout")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class RolloutResource {
    @Inject Caller caller;
    @Inject RolloutUseCase rollout;

    @GET
    @Operation(operationId = "getRollout", summary = "The tenant's rollout settings")
    public RolloutResponse get() {
        return RolloutResponse.from(rollout.current(caller.tenant()));
    }

    @PUT
    @Operation(
            operationId = "changeRollout",
            summary =
                    "Switch the source of truth (registry | yaml), the legacy folder and dual-read")
    @APIResponse(responseCode = "200", description = "The settings now in force")
    @APIResponse(
            responseCode = "400",
            description = "sourceOfTruth missing or unknown, or an invalid legacy folder or reason")
    public RolloutResponse change(RolloutRequest body) {
        if (body == null || body.sourceOfTruth() == null) {
            throw new InvalidInput("sourceOfTruth", "is required: 'registry' or 'yaml'");
        }
        return RolloutResponse.from(
                rollout.change(
                        caller.tenant(),
                        caller.actor(),
                        SourceOfTruth.parse(body.sourceOfTruth()),
                        Optional.ofNullable(body.legacyPath()),
                        Boolean.TRUE.equals(body.dualRead()),
                        Optional.ofNullable(body.reason())));
    }
}
