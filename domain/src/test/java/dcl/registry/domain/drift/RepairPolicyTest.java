package dcl.registry.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepairPolicyTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final ConnectorId HUBSPOT = new ConnectorId("hubspot");
    private static final SourceTable DEALS = new SourceTable("deals");
    private static final CanonicalSchema SCHEMA =
            new CanonicalSchema(
                    List.of(
                            new CanonicalEntity(
                                    "deal",
                                    Optional.empty(),
                                    List.of(
                                            definition("amount", "number"),
                                            definition("won", "boolean"),
                                            definition("stage", "string")))));
    private static final FieldMapping AMOUNT = mapped("amount", "amount");
    private static final FieldMapping WON = mapped("won", "won");
    private static final FieldMapping STAGE = mapped("stage", "stage");

    private final List<ProposalRequest> asked = new ArrayList<>();

    private static CanonicalFieldDefinition definition(String name, String type) {
        return new CanonicalFieldDefinition(name, Optional.of(type), Optional.empty());
    }

    private static FieldMapping mapped(String field, String canonical) {
        return FieldMapping.create(
                ACME,
                new SourceRef(HUBSPOT, DEALS, new SourceField(field)),
                new CanonicalField("deal", canonical),
                Optional.empty(),
                Confidence.CERTAIN,
                MappingStatus.ACTIVE,
                Provenance.ADMIN,
                new Actor("alice"),
                Instant.EPOCH);
    }

    private static ObservedField observed(String name, String type) {
        return new ObservedField(new SourceField(name), Optional.of(type), List.of());
    }

    private RepairPolicy policy(List<SchemaChange> changes) {
        return policy(
                new DriftRequest(HUBSPOT, DEALS, Optional.empty(), changes, Optional.empty()));
    }

    private RepairPolicy policy(DriftRequest drift) {
        return new RepairPolicy(
                drift,
                List.of(AMOUNT, WON, STAGE),
                SCHEMA,
                request -> {
                    asked.add(request);
                    return new MappingProposal(
                            UUID.randomUUID(),
                            ACME,
                            request.source(),
                            request.samples(),
                            StrategyAnswer.of(
                                    "lexical",
                                    List.of(
                                            new Candidate(
                                                    new CanonicalField("deal", "stage"),
                                                    0.9,
                                                    "same words"))),
                            Instant.EPOCH,
                            new Actor("runtime"));
                });
    }

    private RepairDraft only(SchemaChange change) {
        List<RepairDraft> drafts = policy(List.of(change)).repairs(List.of(change));
        assertEquals(1, drafts.size(), drafts.toString());
        return drafts.get(0);
    }

    @Test
    void givenAMappedFieldIsGone_whenRepaired_thenItsMappingIsToBeDeprecatedAndUnderReview() {
        RepairDraft draft = only(new SchemaChange.FieldRemoved(new SourceField("amount")));
        assertEquals(
                new ProposedChange.DeprecateField(AMOUNT.id(), AMOUNT.source(), AMOUNT.target()),
                draft.proposal().change());
        assertEquals(RepairPolicy.REMOVAL_CONFIDENCE, draft.proposal().confidence());
        assertEquals(Optional.of(AMOUNT), draft.review());
    }

    @Test
    void givenChangesToFieldsNothingMaps_whenRepaired_thenThereIsNothingToRepair() {
        List<SchemaChange> changes =
                List.of(
                        new SchemaChange.FieldRemoved(new SourceField("fax")),
                        new SchemaChange.TypeChanged(
                                new SourceField("fax"), Optional.empty(), observed("fax", "int")));
        assertEquals(List.of(), policy(changes).repairs(changes));
    }

    @Test
    void givenANumericTargetFedText_whenRetyped_thenACastKeepsTheTarget() {
        RepairDraft draft =
                only(
                        new SchemaChange.TypeChanged(
                                new SourceField("amount"),
                                Optional.of("decimal"),
                                observed("amount", "string")));
        assertEquals(
                new ProposedChange.MapField(
                        AMOUNT.source(), AMOUNT.target(), Optional.of(new Transform.ToNumber())),
                draft.proposal().change());
        assertEquals(RepairPolicy.CAST_CONFIDENCE, draft.proposal().confidence());
        assertEquals(Optional.of(AMOUNT), draft.review());
    }

    @Test
    void givenABooleanTargetFedText_whenRetyped_thenABooleanCastKeepsTheTarget() {
        RepairDraft draft =
                only(
                        new SchemaChange.TypeChanged(
                                new SourceField("won"), Optional.empty(), observed("won", "text")));
        assertEquals(
                new ProposedChange.MapField(
                        WON.source(), WON.target(), Optional.of(new Transform.ToBoolean())),
                draft.proposal().change());
    }

    @Test
    void givenNoCastFits_whenRetyped_thenAReviewerConfirmsTheMapping() {
        RepairDraft draft =
                only(
                        new SchemaChange.TypeChanged(
                                new SourceField("stage"),
                                Optional.of("string"),
                                observed("stage", "integer")));
        assertEquals(
                new ProposedChange.ConfirmMapping(STAGE.id(), STAGE.source(), STAGE.target()),
                draft.proposal().change());
        assertEquals(RepairPolicy.REVIEW_CONFIDENCE, draft.proposal().confidence());
        assertTrue(draft.proposal().rationale().contains("no transform fits"));
    }

    @Test
    void givenAMappedFieldRenamed_whenRepaired_thenTheNewNameTakesTheOldTarget() {
        ObservedField now = observed("deal_amount", "number");
        RepairDraft draft = only(new SchemaChange.FieldRenamed(new SourceField("amount"), now));
        SourceRef renamed = new SourceRef(HUBSPOT, DEALS, now.name());
        assertEquals(
                new ProposedChange.RenameField(
                        AMOUNT.id(), AMOUNT.source(), renamed, AMOUNT.target(), Optional.empty()),
                draft.proposal().change());
        assertEquals(
                RenameEvidence.of(new SourceField("amount"), now, Optional.of("number")).score(),
                draft.proposal().confidence());
        assertEquals(Optional.of(AMOUNT), draft.review());
        assertTrue(asked.isEmpty(), "a rename needs no strategy");
    }

    @Test
    void givenAnUnmappedFieldRenamed_whenRepaired_thenItIsANewFieldTheStrategyProposesFor() {
        RepairDraft draft =
                only(
                        new SchemaChange.FieldRenamed(
                                new SourceField("fax"), observed("pipeline_stage", "string")));
        assertEquals(1, asked.size());
        assertEquals("pipeline_stage", asked.get(0).source().field().name());
        assertEquals(
                new ProposedChange.MapField(
                        asked.get(0).source(),
                        new CanonicalField("deal", "stage"),
                        Optional.empty()),
                draft.proposal().change());
        assertEquals(0.9, draft.proposal().confidence());
        assertTrue(draft.proposalId().isPresent(), "the strategy's proposal is stored already");
        assertEquals(Optional.empty(), draft.review());
    }

    @Test
    void givenSeveralChanges_whenRepaired_thenTheMostConfidentComesFirst() {
        List<SchemaChange> changes =
                List.of(
                        new SchemaChange.TypeChanged(
                                new SourceField("stage"),
                                Optional.empty(),
                                observed("stage", "integer")),
                        new SchemaChange.FieldRemoved(new SourceField("won")),
                        new SchemaChange.FieldAdded(observed("pipeline", "string")),
                        new SchemaChange.TypeChanged(
                                new SourceField("amount"),
                                Optional.empty(),
                                observed("amount", "string")));
        assertEquals(
                List.of(0.9, RepairPolicy.REMOVAL_CONFIDENCE, RepairPolicy.CAST_CONFIDENCE, 0.5),
                policy(changes).repairs(changes).stream()
                        .map(d -> d.proposal().confidence())
                        .toList());
    }

    @Test
    void
            givenTheFieldsATableHasNow_whenAskedForChanges_thenTheyAreDiffedAgainstTheServedMappings() {
        RepairPolicy policy =
                policy(
                        new DriftRequest(
                                HUBSPOT,
                                DEALS,
                                Optional.empty(),
                                List.of(),
                                Optional.of(
                                        List.of(
                                                observed("amount", "number"),
                                                observed("won", "boolean")))));
        assertEquals(
                List.of(new SchemaChange.FieldRemoved(new SourceField("stage"))), policy.changes());
    }

    @Test
    void givenRepairs_whenTheirImpactIsEstimated_thenEachMappingTableAndTargetCountsOnce() {
        List<SchemaChange> changes =
                List.of(
                        new SchemaChange.FieldRemoved(new SourceField("won")),
                        new SchemaChange.TypeChanged(
                                new SourceField("amount"),
                                Optional.empty(),
                                observed("amount", "string")),
                        new SchemaChange.FieldAdded(observed("pipeline", "string")));
        assertEquals(
                new EstimatedImpact(2, 1, 3), EstimatedImpact.of(policy(changes).repairs(changes)));
    }
}
