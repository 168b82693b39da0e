package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.port.in.ShadowUseCase;
import dcl.registry.domain.port.in.StrategyConfigurationUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Changing the intelligence safely: a tenant's admin shadows a candidate configuration and switches
 * to it only past the equivalence gate (or forced, with a reason), and rolls back in one call;
 * operators stage a configuration to a sticky share of tenants and roll that back in one call.
 */
@EndpointGroup(Group.ADMIN)
@Path("/admin/intelligence")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intelligence administration")
public class IntelligenceAdminResource {
    @Inject Caller caller;
    @Inject StrategyConfigurationUseCase strategies;
    @Inject ShadowUseCase shadow;

    @GET
    @Path("/strategy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "getTenantStrategy",
            summary = "The configuration the tenant's proposals follow, and its history")
    @APIResponse(responseCode = "200", description = "Effective configuration, rollout, history")
    public IntelligenceResponses.TenantStrategy strategy() {
        return IntelligenceResponses.TenantStrategy.of(strategies.view(caller.tenant()));
    }

    @PUT
    @Path("/strategy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "setTenantStrategy",
            summary = "Switch the tenant to a configuration its shadow showed equivalent")
    @APIResponse(responseCode = "200", description = "The configuration now in force")
    @APIResponse(
            responseCode = "400",
            description = "Invalid configuration, or force without reason")
    @APIResponse(
            responseCode = "409",
            description = "The candidate's shadow did not meet the equivalence gate")
    public IntelligenceResponses.TenantStrategy setStrategy(IntelligenceRequests.Strategy body) {
        IntelligenceRequests.Strategy request =
                body == null ? new IntelligenceRequests.Strategy(null, null, null) : body;
        return IntelligenceResponses.TenantStrategy.of(
                strategies.set(
                        caller.tenant(),
                        caller.actor(),
                        ConfigurationBody.parse(
                                "configuration", request.configuration(), installationThreshold()),
                        Boolean.TRUE.equals(request.force()),
                        Optional.ofNullable(request.reason())));
    }

    @POST
    @Path("/strategy/rollback")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "rollBackTenantStrategy",
            summary = "Put the tenant's previous configuration back")
    @APIResponse(responseCode = "200", description = "The configuration now in force")
    @APIResponse(responseCode = "409", description = "The tenant never set one of its own")
    public IntelligenceResponses.TenantStrategy rollBackStrategy(
            IntelligenceRequests.Rollback body) {
        return IntelligenceResponses.TenantStrategy.of(
                strategies.rollBack(caller.tenant(), caller.actor(), reason(body)));
    }

    @GET
    @Path("/rollout")
    // operators only: its history names operators and their reasons, which may name tenants; an
    // admin sees whether the rollout reaches their tenant in GET /strategy
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "getStrategyRollout",
            summary = "The fleet's staged rollout of a strategy configuration")
    @APIResponse(responseCode = "200", description = "The current stage and its history")
    public IntelligenceResponses.Rollout rollout() {
        return IntelligenceResponses.Rollout.of(strategies.rollout());
    }

    @PUT
    @Path("/rollout")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "stageStrategyRollout",
            summary = "Roll a configuration out to a sticky share of tenants")
    @APIResponse(responseCode = "200", description = "The stage now in force")
    @APIResponse(responseCode = "400", description = "Invalid configuration or percent")
    @APIResponse(responseCode = "409", description = "The rollout changed meanwhile")
    public IntelligenceResponses.Rollout stage(IntelligenceRequests.Rollout body) {
        IntelligenceRequests.Rollout request =
                body == null ? new IntelligenceRequests.Rollout(null, null, null) : body;
        return IntelligenceResponses.Rollout.of(
                strategies.stage(
                        caller.tenant(),
                        caller.actor(),
                        ConfigurationBody.parse(
                                "configuration", request.configuration(), installationThreshold()),
                        RolloutPlanRequest.share(request.percent()),
                        Optional.ofNullable(request.reason())));
    }

    @POST
    @Path("/rollout/rollback")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            operationId = "rollBackStrategyRollout",
            summary = "Put the rollout's previous configuration and share back")
    @APIResponse(responseCode = "200", description = "The stage now in force")
    @APIResponse(responseCode = "409", description = "No rollout was ever staged")
    public IntelligenceResponses.Rollout rollBackRollout(IntelligenceRequests.Rollback body) {
        return IntelligenceResponses.Rollout.of(
                strategies.rollBackRollout(caller.tenant(), caller.actor(), reason(body)));
    }

    @GET
    @Path("/shadow")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "getShadow",
            summary = "The tenant's shadow candidate and how far it agrees with the serving one")
    @APIResponse(responseCode = "200", description = "Comparisons, agreement, disagreements")
    @APIResponse(responseCode = "404", description = "No shadow runs for the tenant")
    public IntelligenceResponses.Shadow shadow() {
        return shadow.view(caller.tenant())
                .map(IntelligenceResponses.Shadow::of)
                .orElseThrow(
                        () ->
                                new ResourceNotFound(
                                        "shadow: none runs for this tenant (PUT"
                                                + " /dcl/admin/intelligence/shadow starts one)"));
    }

    @PUT
    @Path("/shadow")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "startShadow",
            summary = "Run a candidate beside the serving configuration on live proposals")
    @APIResponse(responseCode = "200", description = "The shadow, its figures from zero")
    @APIResponse(responseCode = "400", description = "Invalid candidate or sample")
    public IntelligenceResponses.Shadow startShadow(IntelligenceRequests.Shadow body) {
        IntelligenceRequests.Shadow request =
                body == null ? new IntelligenceRequests.Shadow(null, null) : body;
        if (request.sample() == null) {
            throw new InvalidInput("sample", "is required: the share of proposals, 0..1");
        }
        shadow.start(
                caller.tenant(),
                caller.actor(),
                ConfigurationBody.parse("candidate", request.candidate(), installationThreshold()),
                request.sample().doubleValue());
        return shadow();
    }

    @DELETE
    @Path("/shadow")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "stopShadow", summary = "Stop the tenant's shadow")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "404", description = "No shadow ran")
    public Response stopShadow() {
        if (!shadow.stop(caller.tenant(), caller.actor())) {
            throw new ResourceNotFound("shadow: none runs for this tenant");
        }
        return Response.noContent().build();
    }

    private double installationThreshold() {
        return strategies.installation().mixedRagThreshold();
    }

    private static Optional<String> reason(IntelligenceRequests.Rollback body) {
        return body == null ? Optional.empty() : Optional.ofNullable(body.reason());
    }
}
