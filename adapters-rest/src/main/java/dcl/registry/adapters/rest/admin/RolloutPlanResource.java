package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.Paging;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.port.in.RolloutPlanUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The fleet's progressive rollout of the registry to tenants that follow the plan ({@code
 * sourceOfTruth: plan}): operators set the share; an admin sees the plan and only their own tenant.
 */
@EndpointGroup(Group.ADMIN)
@Path("/admin/rollout/plan")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rollout")
public class RolloutPlanResource {
    @Inject Caller caller;
    @Inject RolloutPlanUseCase plan;
    @Context SecurityContext security;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(
            operationId = "getRolloutPlan",
            summary = "The plan, the stage this node serves by, and the tenants following it")
    @APIResponse(responseCode = "200", description = "The plan; tenants paged by ?limit=&cursor=")
    @APIResponse(responseCode = "400", description = "limit outside 1..1000")
    public RolloutPlanResponse get(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return RolloutPlanResponse.from(
                plan.view(
                        caller.tenant(),
                        security.isUserInRole(Roles.OPERATOR),
                        Paging.of(limit, cursor)));
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "changeRolloutPlan",
            summary = "Set the share of plan-following tenants the registry serves")
    @APIResponse(responseCode = "200", description = "The plan now stored")
    @APIResponse(responseCode = "400", description = "percent missing or not a whole 0..100")
    @APIResponse(
            responseCode = "409",
            description = "An error budget forbids advancing, or the plan changed meanwhile")
    public RolloutPlanResponse change(RolloutPlanRequest body) {
        RolloutPlanRequest request = body == null ? new RolloutPlanRequest(null, null) : body;
        plan.change(
                caller.tenant(),
                caller.actor(),
                request.share(),
                Optional.ofNullable(request.reason()));
        return get(null, null);
    }
}
