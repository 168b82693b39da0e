package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.Uuids;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ValidationResults;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.port.in.CalculateConfidenceUseCase;
import dcl.registry.domain.port.in.ProposeMappingUseCase;
import dcl.registry.domain.port.in.RagLookupUseCase;
import dcl.registry.domain.port.in.RepairDriftUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proposals for the runtime: stored with their evidence, live only after approval. */
@EndpointGroup(Group.INTELLIGENCE)
@Path("/intelligence")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intelligence")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class IntelligenceResource {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject Caller caller;
    @Inject ProposeMappingUseCase proposals;
    @Inject CalculateConfidenceUseCase confidence;
    @Inject RagLookupUseCase ragLookup;
    @Inject RepairDriftUseCase drift;

    /** A stored proposal and its evidence. */
    public record StoredProposalResponse(
            String proposalId,
            String connector,
            String sourceTable,
            String sourceField,
            String canonicalEntity,
            String canonicalField,
            double confidence,
            String strategy,
            Instant createdAt,
            String createdBy,
            JsonObject evidence) {

        static StoredProposalResponse from(StoredProposal p) {
            return new StoredProposalResponse(
                    p.id().toString(),
                    p.source().connector().value(),
                    p.source().table().name(),
                    p.source().field().name(),
                    p.target().entity(),
                    p.target().field(),
                    p.confidence(),
                    p.strategy(),
                    p.createdAt(),
                    p.createdBy(),
                    JSON.createReader(new StringReader(p.evidence())).readObject());
        }
    }

    @GET
    @Path("proposals/{id}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            operationId = "getProposal",
            summary =
                    "A stored proposal with its evidence (candidates, similar mappings, prompt"
                            + " version, fallbacks), for reviewers")
    @APIResponse(responseCode = "200", description = "The proposal and its evidence")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such proposal for your tenant")
    public StoredProposalResponse proposal(@PathParam("id") String id) {
        return StoredProposalResponse.from(
                proposals.stored(caller.tenant(), Uuids.parse("id", id)));
    }

    @POST
    @Path("repair-drift")
    @Operation(
            operationId = "repairDrift",
            summary =
                    "Propose repairs for schema drift (a detected change, or the fields a table has"
                            + " now); every proposal is queued for approval, and mappings whose field"
                            + " is gone or changed become NEEDS_REVIEW (still served)")
    @APIResponse(responseCode = "200", description = "The proposed repairs, queued for approval")
    @APIResponse(
            responseCode = "400",
            description = "Neither shape of body, or an invalid member of it")
    public RepairDriftResponse repairDrift(RepairDriftRequest body) {
        if (body == null) {
            throw new InvalidInput(
                    "body",
                    "send either {driftEvent, schemaDiff} or {connector, sourceTable,"
                            + " observedFields}");
        }
        var request = body.toDomain();
        return RepairDriftResponse.from(
                request.connector().value(),
                request.table().name(),
                drift.repair(caller.tenant(), caller.actor(), request));
    }

    @GET
    @Path("rag-lookup/{connector}/{table}/{field}")
    @Operation(
            operationId = "ragLookup",
            summary =
                    "The most similar known ACTIVE mapping, when its similarity reaches the"
                            + " configured threshold")
    @APIResponse(responseCode = "200", description = "The most similar known mapping")
    @APIResponse(responseCode = "400", description = "An invalid connector, table or field")
    @APIResponse(
            responseCode = "404",
            description = "No known mapping is similar enough (below the threshold)")
    public RagLookupResponse ragLookup(
            @PathParam("connector") String connector,
            @PathParam("table") String table,
            @PathParam("field") String field) {
        SourceRef source =
                new SourceRef(
                        new ConnectorId(connector), new SourceTable(table), new SourceField(field));
        return RagLookupResponse.from(source, ragLookup.lookUp(caller.tenant(), source));
    }

    @POST
    @Path("calculate-confidence")
    @Operation(
            operationId = "calculateConfidence",
            summary =
                    "Weighted confidence of a mapping (weights from configuration); the score is"
                            + " stored on it")
    @APIResponse(
            responseCode = "200",
            description = "The score (stored), its factors and recommendations")
    @APIResponse(
            responseCode = "400",
            description = "mappingId missing or not a UUID, or an observation outside [0, 1]")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    public ConfidenceResponse calculateConfidence(CalculateConfidenceRequest body) {
        if (body == null || body.mappingId() == null) {
            throw new InvalidInput("mappingId", "is required");
        }
        MappingId id = MappingId.parse(body.mappingId());
        ValidationResults results = body.toValidationResults();
        return ConfidenceResponse.from(
                id.toString(), confidence.calculate(caller.tenant(), caller.actor(), id, results));
    }

    @POST
    @Path("propose-mapping")
    @Operation(
            operationId = "proposeMapping",
            summary = "Propose a canonical target for a source field (stored as a proposal)")
    @APIResponse(responseCode = "200", description = "The proposal, stored for review")
    @APIResponse(
            responseCode = "400",
            description =
                    "No body, an invalid source, too many samples, an unknown strategy or"
                            + " alternatives outside [0, "
                            + AlternativesWanted.MAX
                            + "]")
    public ProposalResponse propose(ProposeMappingRequest body) {
        if (body == null) {
            throw new InvalidInput(
                    "body",
                    "is required: {connector, sourceTable, sourceField, sampleValues?,"
                            + " description?}");
        }
        ProposeMappingRequest.Proposal proposal = body.toProposal();
        return ProposalResponse.from(propose(proposal));
    }

    private MappingProposal propose(ProposeMappingRequest.Proposal asked) {
        return asked.strategy().isPresent()
                ? proposals.propose(
                        caller.tenant(),
                        caller.actor(),
                        asked.request(),
                        asked.strategy().get(),
                        asked.alternatives())
                : proposals.propose(
                        caller.tenant(), caller.actor(), asked.request(), asked.alternatives());
    }
}
