package dcl.registry.adapters.rest.review;

import dcl.registry.adapters.rest.PageResponse;
import dcl.registry.adapters.rest.Paging;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The human approval workflow. Submitting is open to the runtime and to people; deciding is for
 * reviewers (and admins), never for the submitter itself.
 */
@Path("/approvals")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
public class ApprovalResource {
    @Inject Caller caller;
    @Inject ReviewApprovalsUseCase approvals;

    @POST
    @Path("submit")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary =
                    "Queue a proposal (or a mapping under review) for approval: 201 queued, 200"
                            + " already queued")
    public Response submit(SubmitRequest body) {
        if (body == null || (body.proposalId() == null) == (body.mappingId() == null)) {
            throw new InvalidInput(
                    "body", "give exactly one of proposalId or mappingId, and a reason");
        }
        String reason = FreeText.optional("reason", body.reason()).orElse("submitted for review");
        ReviewApprovalsUseCase.Submitted submitted =
                body.proposalId() != null
                        ? approvals.submitProposal(
                                caller.tenant(),
                                caller.actor(),
                                uuid("proposalId", body.proposalId()),
                                reason)
                        : approvals.submitMapping(
                                caller.tenant(),
                                caller.actor(),
                                MappingId.parse(body.mappingId()),
                                reason);
        return Response.status(submitted.created() ? 201 : 200)
                .location(URI.create("/dcl/approvals/" + submitted.approval().id()))
                .entity(ApprovalResponse.from(submitted.approval()))
                .build();
    }

    @GET
    @Path("pending")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary =
                    "Pending approvals, oldest first; filter by connector, canonical entity and"
                            + " minimum age (ISO-8601, e.g. PT2H)")
    public PageResponse<ApprovalResponse> pending(
            @QueryParam("connector") String connector,
            @QueryParam("entity") String entity,
            @QueryParam("minAge") String minAge,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Violations v = new Violations();
        Optional<ConnectorId> byConnector =
                connector == null
                        ? Optional.empty()
                        : Optional.ofNullable(v.check(() -> new ConnectorId(connector)));
        Optional<Duration> age = Optional.empty();
        if (minAge != null) {
            try {
                age = Optional.of(Duration.parse(minAge)).filter(d -> !d.isNegative());
                if (age.isEmpty()) {
                    v.add("minAge", "must not be negative");
                }
            } catch (DateTimeParseException notADuration) {
                v.add("minAge", "must be an ISO-8601 duration such as PT30M or P2D");
            }
        }
        PageRequest page = v.check(() -> Paging.of(limit, cursor));
        v.throwIfAny();
        return PageResponse.from(
                approvals.pending(
                        caller.tenant(),
                        new PendingFilter(
                                byConnector,
                                Optional.ofNullable(entity).filter(e -> !e.isBlank()),
                                age),
                        page),
                ApprovalResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "One approval")
    public ApprovalResponse get(@PathParam("id") String id) {
        return ApprovalResponse.from(approvals.get(caller.tenant(), ApprovalId.parse(id)));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary =
                    "Approve: the change goes live (ACTIVE, confidence 1.0); 403 for the submitter,"
                            + " 409 when no longer pending")
    public ApprovalResponse approve(@PathParam("id") String id, DecisionRequest body) {
        return ApprovalResponse.from(
                approvals.approve(
                        caller.tenant(), caller.actor(), ApprovalId.parse(id), notes(body)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary =
                    "Reject: nothing goes live; 403 for the submitter, 409 when no longer pending")
    public ApprovalResponse reject(@PathParam("id") String id, DecisionRequest body) {
        return ApprovalResponse.from(
                approvals.reject(
                        caller.tenant(), caller.actor(), ApprovalId.parse(id), notes(body)));
    }

    private static Optional<String> notes(DecisionRequest body) {
        return body == null ? Optional.empty() : FreeText.optional("notes", body.notes());
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInput(field, "must be a UUID");
        }
    }
}
