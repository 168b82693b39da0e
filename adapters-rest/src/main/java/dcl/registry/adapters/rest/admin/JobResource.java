package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.PageResponse;
import dcl.registry.adapters.rest.Paging;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.port.in.RunJobsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Starts Jakarta Batch jobs (yaml-import, parity-check, yaml-export, backup, restore) and follows
 * them.
 */
@EndpointGroup(Group.JOBS)
@Path("/jobs")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class JobResource {
    private static final String JOB_NAME =
            "The job to start: yaml-import, parity-check, yaml-export, backup or restore";
    private static final String NO_SUCH_EXECUTION = "No such job execution for your tenant";

    @Inject Caller caller;
    @Inject RunJobsUseCase jobs;
    @Context UriInfo uri;
    @Context SecurityContext security;

    @POST
    // POST /jobs/{name} starts a job, GET /jobs/{executionId} follows one: one parameter name for
    // the one template, or /openapi holds two identical paths. "name", as problems about an
    // unknown job call it.
    @Path("{name}")
    @Operation(
            operationId = "startJob",
            summary =
                    "Start a job; the tenant comes from the token, 'path' is inside the jobs root")
    @APIResponse(responseCode = "202", description = "Started: {executionId}; Location follows it")
    @APIResponse(
            responseCode = "400",
            description = "Unknown job, missing path, a path outside the jobs root")
    @APIResponse(responseCode = "403", description = "allTenants without the operator role")
    public Response start(
            @Parameter(description = JOB_NAME) @PathParam("name") String name,
            StartJobRequest body) {
        boolean operator = security.isUserInRole(Roles.OPERATOR);
        long executionId =
                jobs.start(
                        StartJobRequest.toJobRequest(
                                body, name, caller.tenant(), caller.actor(), operator));
        return accepted(executionId);
    }

    @POST
    @Path("{id: [0-9]+}/restart")
    @Operation(
            operationId = "restartJob",
            summary = "Restart a STOPPED or FAILED job where it stopped")
    @APIResponse(
            responseCode = "202",
            description = "Restarted: {executionId} of the new execution")
    @APIResponse(responseCode = "404", description = NO_SUCH_EXECUTION)
    @APIResponse(responseCode = "409", description = "The job is not stopped or failed")
    public Response restart(@PathParam("id") long id) {
        return accepted(jobs.restart(caller.tenant(), security.isUserInRole(Roles.OPERATOR), id));
    }

    @GET
    @Operation(
            operationId = "listJobs",
            summary =
                    "The tenant's jobs (operators: also those over all tenants), newest first, each"
                            + " as of its latest execution, with live progress and report")
    @APIResponse(responseCode = "200", description = "A page of jobs: {items, next}")
    @APIResponse(responseCode = "400", description = "limit outside 1..1000, a foreign cursor")
    public PageResponse<JobResponse> list(
            @Parameter(description = "Jobs per page: 1..1000, 100 by default") @QueryParam("limit")
                    String limit,
            @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor")
                    String cursor) {
        return PageResponse.from(
                jobs.recent(
                        caller.tenant(),
                        security.isUserInRole(Roles.OPERATOR),
                        Paging.of(limit, cursor)),
                JobResponse::from);
    }

    @GET
    @Path("{name: [0-9]+}")
    @Operation(
            operationId = "getJob",
            summary = "A job's status, live progress (total, processed, failed) and report so far")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = NO_SUCH_EXECUTION)
    public JobResponse get(
            @Parameter(description = "The executionId that starting the job answered")
                    @PathParam("name")
                    long id) {
        return JobResponse.from(
                jobs.view(caller.tenant(), security.isUserInRole(Roles.OPERATOR), id));
    }

    @GET
    @Path("{id: [0-9]+}/report")
    @Operation(
            operationId = "getJobReport",
            summary = "A job's report (JSON; its shape depends on the job)")
    @APIResponse(responseCode = "200", description = "The report so far")
    @APIResponse(responseCode = "404", description = NO_SUCH_EXECUTION)
    public JsonObject report(@PathParam("id") long id) {
        return JobResponse.report(
                jobs.view(caller.tenant(), security.isUserInRole(Roles.OPERATOR), id).reportJson());
    }

    private Response accepted(long executionId) {
        return Response.accepted(Map.of("executionId", executionId))
                .location(
                        uri.getBaseUriBuilder()
                                .path("jobs")
                                .path(Long.toString(executionId))
                                .build())
                .build();
    }
}
