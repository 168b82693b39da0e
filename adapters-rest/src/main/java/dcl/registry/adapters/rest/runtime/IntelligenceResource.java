package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SampleValues;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyName;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proposals for the runtime: stored with their evidence, live only after approval. */
@Path("/intelligence")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intelligence")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
public class IntelligenceResource {
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
            java.time.Instant createdAt,
            String createdBy,
            jakarta.json.JsonObject evidence) {}

    @GET
    @Path("proposals/{id}")
    @RolesAllowed({Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN})
    @Operation(
            summary =
                    "A stored proposal with its evidence (candidates, similar mappings, prompt"
                            + " version, fallbacks), for reviewers")
    public StoredProposalResponse proposal(@PathParam("id") String id) {
        java.util.UUID proposalId;
        try {
            proposalId = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInput("id", "must be a UUID");
        }
        var p = proposals.stored(caller.tenant(), proposalId);
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
                jakarta.json.Json.createReader(new java.io.StringReader(p.evidence()))
                        .readObject());
    }

    @POST
    @Path("repair-drift")
    @Operation(
            summary =
                    "Propose repairs for schema drift (a detected change, or the fields a table has"
                            + " now); every proposal is queued for approval, and mappings whose field"
                            + " is gone or changed become NEEDS_REVIEW (still served)")
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
            summary =
                    "The most similar known ACTIVE mapping, when its similarity reaches the"
                            + " configured threshold")
    public RagLookupResponse ragLookup(
            @PathParam("connector") String connector,
            @PathParam("table") String table,
            @PathParam("field") String field) {
        Violations v = new Violations();
        SourceRef source =
                v.check(
                        () ->
                                new SourceRef(
                                        new ConnectorId(connector),
                                        new SourceTable(table),
                                        new SourceField(field)));
        v.throwIfAny();
        SimilarMapping match = ragLookup.lookUp(caller.tenant(), source);
        return new RagLookupResponse(
                source.connector().value(),
                source.table().name(),
                source.field().name(),
                match.target().entity(),
                match.target().field(),
                Math.round(match.similarity() * 1000) / 1000.0,
                new ProposalResponse.Similar(
                        match.mappingId().toString(),
                        match.source().toString(),
                        match.target().entity(),
                        match.target().field(),
                        Math.round(match.similarity() * 1000) / 1000.0));
    }

    @POST
    @Path("calculate-confidence")
    @Operation(
            summary =
                    "Weighted confidence of a mapping (weights from configuration); the score is"
                            + " stored on it")
    public ConfidenceResponse calculateConfidence(CalculateConfidenceRequest body) {
        if (body == null || body.mappingId() == null) {
            throw new InvalidInput("mappingId", "is required");
        }
        MappingId id = MappingId.parse(body.mappingId());
        CalculateConfidenceRequest.Observations o =
                body.validationResults() == null
                        ? new CalculateConfidenceRequest.Observations(null, null, null)
                        : body.validationResults();
        ValidationResults results =
                new ValidationResults(
                        Optional.ofNullable(o.successRate()),
                        Optional.ofNullable(o.ragSimilarity()),
                        Optional.ofNullable(o.usageFrequency()));
        return ConfidenceResponse.from(
                id.toString(), confidence.calculate(caller.tenant(), caller.actor(), id, results));
    }

    @POST
    @Path("propose-mapping")
    @Operation(summary = "Propose a canonical target for a source field (stored as a proposal)")
    public ProposalResponse propose(ProposeMappingRequest body) {
        if (body == null) {
            throw new InvalidInput(
                    "body",
                    "is required: {connector, sourceTable, sourceField, sampleValues?,"
                            + " description?}");
        }
        Violations v = new Violations();
        ConnectorId connector = v.check(() -> new ConnectorId(body.connector()));
        SourceTable table = v.check(() -> new SourceTable(body.sourceTable()));
        SourceField field = v.check(() -> new SourceField(body.sourceField()));
        List<String> samples = v.check(() -> SampleValues.of("sampleValues", body.sampleValues()));
        Optional<StrategyName> strategy =
                Optional.ofNullable(body.strategy())
                        .map(name -> StrategyName.parse(name).orElse(null));
        if (body.strategy() != null && strategy.isEmpty()) {
            v.add("strategy", "must be one of " + StrategyName.allowed());
        }
        v.throwIfAny();
        ProposalRequest request =
                new ProposalRequest(
                        new SourceRef(connector, table, field),
                        samples,
                        Optional.ofNullable(body.description()),
                        Optional.ofNullable(body.tableDescription()),
                        Optional.ofNullable(body.type()));
        return ProposalResponse.from(
                strategy.isPresent()
                        ? proposals.propose(
                                caller.tenant(), caller.actor(), request, strategy.get())
                        : proposals.propose(caller.tenant(), caller.actor(), request));
    }
}
