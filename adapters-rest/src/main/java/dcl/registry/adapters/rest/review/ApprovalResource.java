package dcl.registry.adapters.rest.review;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.PageResponse;
import dcl.registry.adapters.rest.PagedQuery;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase.Submitted;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The human approval workflow. Submitting is open to the runtime and to people; deciding is for
 * reviewers (and admins), never for the submitter itself.
 */
@EndpointGroup(Group.APPROVALS)
@Path("/approvals")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
public class ApprovalResource {
    @Context UriInfo uri;

    private static final String NOT_A_UUID = "The id is not a UUID";
    private static final String NO_SUCH_APPROVAL = "No such approval for your tenant";
    private static final String SUBMITTER =
            "No reviewer role, or you submitted it yourself: someone else decides";
    private static final String NOT_PENDING = "No longer pending";

    @Inject Caller caller;
    @Inject ReviewApprovalsUseCase approvals;

    @POST
    @Path("submit")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            operationId = "submitForApproval",
            summary =
                    "Queue a proposal (or a mapping under review) for approval: 201 queued, 200"
                            + " already queued")
    @APIResponse(
            responseCode = "201",
            description = "Queued; Location names the approval",
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Queued already; Location names the approval",
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not exactly one of proposalId and mappingId, or an invalid one")
    @APIResponse(responseCode = "404", description = "No such proposal or mapping for your tenant")
    @APIResponse(responseCode = "409", description = "Its state does not allow a review now")
    public Response submit(SubmitRequest body) {
        if (body == null) {
            throw new InvalidInput("body", SubmitRequest.EXACTLY_ONE);
        }
        Submitted submitted = submit(body.toSubmission());
        return Response.status(submitted.created() ? 201 : 200)
                .location(
                        uri.getBaseUriBuilder()
                                .path("approvals")
                                .path(submitted.approval().id().toString())
                                .build())
                .entity(ApprovalResponse.from(submitted.approval()))
                .build();
    }

    @GET
    @Path("pending")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            operationId = "listPendingApprovals",
            summary =
                    "Pending approvals, oldest first; filter by connector, canonical entity and"
                            + " minimum age (ISO-8601, e.g. PT2H)")
    @APIResponse(responseCode = "200", description = "A page of pending approvals, oldest first")
    @APIResponse(
            responseCode = "400",
            description = "An invalid connector or minAge, limit outside 1..1000, a foreign cursor")
    public PageResponse<ApprovalResponse> pending(
            @QueryParam("connector") String connector,
            @QueryParam("entity") String entity,
            @QueryParam("minAge") String minAge,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PagedQuery<PendingFilter> request =
                PagedQuery.parse(
                        new PendingRequest(connector, entity, minAge)::toFilter, limit, cursor);
        return PageResponse.from(
                approvals.pending(caller.tenant(), request.query(), request.page()),
                ApprovalResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "getApproval", summary = "One approval")
    @APIResponse(responseCode = "200", description = "The approval")
    @APIResponse(responseCode = "400", description = NOT_A_UUID)
    @APIResponse(responseCode = "404", description = NO_SUCH_APPROVAL)
    public ApprovalResponse get(@PathParam("id") String id) {
        return ApprovalResponse.from(approvals.get(caller.tenant(), ApprovalId.parse(id)));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            operationId = "approve",
            summary =
                    "Approve: the change goes live (ACTIVE, confidence 1.0); 403 for the submitter,"
                            + " 409 when no longer pending")
    @APIResponse(responseCode = "200", description = "The approval, approved")
    @APIResponse(responseCode = "400", description = NOT_A_UUID)
    @APIResponse(responseCode = "403", description = SUBMITTER)
    @APIResponse(responseCode = "404", description = NO_SUCH_APPROVAL)
    @APIResponse(responseCode = "409", description = NOT_PENDING)
    public ApprovalResponse approve(@PathParam("id") String id, DecisionRequest body) {
        return ApprovalResponse.from(
                approvals.approve(
                        caller.tenant(), caller.actor(), ApprovalId.parse(id), notes(body)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            operationId = "reject",
            summary =
                    "Reject: nothing goes live; 403 for the submitter, 409 when no longer pending")
    @APIResponse(responseCode = "200", description = "The approval, rejected")
    @APIResponse(responseCode = "400", description = NOT_A_UUID)
    @APIResponse(responseCode = "403", description = SUBMITTER)
    @APIResponse(responseCode = "404", description = NO_SUCH_APPROVAL)
    @APIResponse(responseCode = "409", description = NOT_PENDING)
    public ApprovalResponse reject(@PathParam("id") String id, DecisionRequest body) {
        return ApprovalResponse.from(
                approvals.reject(
                        caller.tenant(), caller.actor(), ApprovalId.parse(id), notes(body)));
    }

    private Submitted submit(SubmitRequest.Submission submission) {
        return submission.proposal().isPresent()
                ? approvals.submitProposal(
                        caller.tenant(),
                        caller.actor(),
                        submission.proposal().get(),
                        submission.reason())
                : approvals.submitMapping(
                        caller.tenant(),
                        caller.actor(),
                        submission.mapping().orElseThrow(),
                        submission.reason());
    }

    private static Optional<String> notes(DecisionRequest body) {
        return body == null ? Optional.empty() : FreeText.optional("notes", body.notes());
    }
}
