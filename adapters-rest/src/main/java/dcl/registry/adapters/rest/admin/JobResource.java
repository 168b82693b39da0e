package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.job.JobKind;
import dcl.registry.domain.job.JobRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Starts Jakarta Batch jobs (yaml-import, parity-check, yaml-export, backup, restore) and follows
 * them.
 */
@Path("/jobs")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class JobResource {
    @Inject Caller caller;
    @Inject RunJobsUseCase jobs;
    @Context UriInfo uri;
    @Context SecurityContext security;

    @POST
    @Path("{name}")
    @Operation(
            summary =
                    "Start a job; the tenant comes from the token, 'path' is inside the jobs root")
    @APIResponse(responseCode = "202", description = "Started: {executionId}; Location follows it")
    @APIResponse(
            responseCode = "400",
            description = "Unknown job, missing path, a path outside the jobs root")
    @APIResponse(responseCode = "403", description = "allTenants without the operator role")
    public Response start(@PathParam("name") String name, StartJobRequest body) {
        StartJobRequest request = body == null ? new StartJobRequest(null, null, null) : body;
        long executionId =
                jobs.start(
                        new JobRequest(
                                caller.tenant(),
                                caller.actor(),
                                security.isUserInRole(Roles.OPERATOR),
                                JobKind.parse(name),
                                Optional.ofNullable(request.path()),
                                Boolean.TRUE.equals(request.dryRun()),
                                Boolean.TRUE.equals(request.allTenants())));
        return accepted(executionId);
    }

    @POST
    @Path("{id: [0-9]+}/restart")
    @Operation(summary = "Restart a STOPPED or FAILED job where it stopped")
    @APIResponse(
            responseCode = "202",
            description = "Restarted: {executionId} of the new execution")
    @APIResponse(responseCode = "409", description = "The job is not stopped or failed")
    public Response restart(@PathParam("id") long id) {
        return accepted(jobs.restart(caller.tenant(), security.isUserInRole(Roles.OPERATOR), id));
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(
            summary = "A job's status, live progress (total, processed, failed) and report so far")
    public JobResponse get(@PathParam("id") long id) {
        return JobResponse.from(
                jobs.view(caller.tenant(), security.isUserInRole(Roles.OPERATOR), id));
    }

    @GET
    @Path("{id: [0-9]+}/report")
    @Operation(summary = "A job's report (JSON; its shape depends on the job)")
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
