package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.NothingKnown;
import dcl.registry.domain.port.out.RejectedTargets;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnedStrategyTest {
    private static final RejectedTargets NOTHING_REJECTED = (tenant, source) -> Map.of();

    private static final CanonicalSchema SCHEMA =
            new CanonicalSchema(
                    List.of(
                            new CanonicalEntity(
                                    "contact",
                                    Optional.empty(),
                                    List.of(
                                            field("id", "Unique identifier of the contact"),
                                            field("email", "Email address"),
                                            field("first_name", "Given name"))),
                            new CanonicalEntity(
                                    "sequence",
                                    Optional.empty(),
                                    List.of(
                                            field("id", "Unique identifier of the sequence"),
                                            field("name", "Name of the sequence")))));

    private static CanonicalFieldDefinition field(String name, String description) {
        return new CanonicalFieldDefinition(name, Optional.of("string"), Optional.of(description));
    }

    private static SourceRef source(String connector, String table, String field) {
        return new SourceRef(
                new ConnectorId(connector), new SourceTable(table), new SourceField(field));
    }

    private static ProposalRequest request(SourceRef source) {
        return new ProposalRequest(
                source, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A search with no meaning to offer and the given known mappings. */
    private static SemanticSearch knowing(LookAlikeIndex index) {
        return new NothingKnown() {
            @Override
            public LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source) {
                return index.votes(source);
            }
        };
    }

    private static RankingModel weighing(MatchFeature feature, double weight, double none) {
        double[] w = new double[MatchFeature.count()];
        w[feature.index()] = weight;
        return new RankingModel(w, none, "test");
    }

    /** Evidence of nothing but how alike the field alone reads to each candidate (if given). */
    private static LearnedStrategy.Inputs nothingKnownBut(
            Map<CanonicalField, Double> fieldMeaning) {
        return new LearnedStrategy.Inputs(
                LookAlikeIndex.Votes.NONE, List.of(), Map.of(), Map.of(), fieldMeaning);
    }

    @Test
    void sameNamedKnownFieldsInOtherConnectorsVoteForTheirFieldName() {
        LookAlikeIndex index = new LookAlikeIndex();
        index.add(
                source("outreach", "prospects", "emailAddress"),
                CanonicalField.parse("contact.email"));
        index.add(
                source("salesloft", "people", "email_address"),
                CanonicalField.parse("contact.email"));
        LookAlikeIndex.Votes votes = index.votes(source("apollo", "contacts", "EmailAddresses"));

        assertEquals(2, votes.nameSupport());
        assertEquals(1.0, votes.fieldNameShare(CanonicalField.parse("contact.email")));
        assertEquals(0.0, votes.fieldNameShare(CanonicalField.parse("contact.id")));
        assertEquals(
                1.0,
                votes.without(CanonicalField.parse("contact.email"))
                        .fieldNameShare(CanonicalField.parse("contact.email")));
        index.remove(
                source("outreach", "prospects", "emailAddress"),
                CanonicalField.parse("contact.email"));
        assertEquals(1, index.votes(source("apollo", "contacts", "email_address")).nameSupport());
    }

    @Test
    void theKnownMappingsDecideWhereTheWordsCannot() {
        LookAlikeIndex index = new LookAlikeIndex();
        index.add(source("outreach", "prospects", "addr"), CanonicalField.parse("contact.email"));
        LearnedStrategy learned =
                new LearnedStrategy(
                        knowing(index),
                        t -> weighing(MatchFeature.KNOWN_NAME, 8, 0),
                        NOTHING_REJECTED,
                        0.5);

        StrategyAnswer answer =
                learned.propose(
                        new ProposalContext(
                                new TenantId("acme"),
                                SCHEMA,
                                request(source("apollo", "contacts", "address")),
                                3));

        assertEquals("learned", answer.strategy());
        assertEquals(CanonicalField.parse("contact.email"), answer.candidates().get(0).target());
        assertTrue(answer.candidates().get(0).score() > 0.9, answer.toString());
        assertFalse(answer.abstained());
        assertTrue(answer.candidates().get(0).reasoning().startsWith("known_name 1.00 (+8.00)"));
        assertTrue(
                answer.candidates().get(0).reasoning().endsWith("weighed by test"),
                answer.candidates().get(0).reasoning());
    }

    @Test
    void aSameNamedKnownFieldSaysWhichEntitysFieldOfThatNameItIs() {
        LookAlikeIndex index = new LookAlikeIndex();
        index.add(source("study_a", "campaigns", "id"), CanonicalField.parse("sequence.id"));
        index.add(source("study_b", "cadences", "ID"), CanonicalField.parse("sequence.id"));
        index.add(source("study_b", "people", "id"), CanonicalField.parse("contact.id"));
        LookAlikeIndex.Votes votes = index.votes(source("study_c", "export", "Id"));

        assertEquals(2 / 3.0, votes.targetShare(CanonicalField.parse("sequence.id")), 1e-9);
        assertEquals(1 / 3.0, votes.targetShare(CanonicalField.parse("contact.id")), 1e-9);
        assertEquals(1.0, votes.fieldNameShare(CanonicalField.parse("contact.id")));
        StrategyAnswer answer =
                new LearnedStrategy(
                                knowing(index),
                                t -> weighing(MatchFeature.KNOWN_TARGET, 8, 0),
                                NOTHING_REJECTED,
                                0.5)
                        .propose(
                                new ProposalContext(
                                        new TenantId("acme"),
                                        SCHEMA,
                                        request(source("study_c", "export", "Id")),
                                        3));

        assertEquals(CanonicalField.parse("sequence.id"), answer.candidates().get(0).target());
        assertEquals(CanonicalField.parse("contact.id"), answer.candidates().get(1).target());
        assertTrue(
                answer.candidates().get(0).reasoning().startsWith("known_target 0.67 (+5.33)"),
                answer.candidates().get(0).reasoning());
    }

    @Test
    void theAnswerNamesTheModelThatWeighedItForTheTenantAsked() {
        TenantId acme = new TenantId("acme");
        LearnedStrategy learned =
                new LearnedStrategy(
                        knowing(new LookAlikeIndex()),
                        t ->
                                new RankingModel(
                                        new double[MatchFeature.count()],
                                        0,
                                        t.equals(acme) ? "tenant-30-on-global" : "global"),
                        NOTHING_REJECTED,
                        0.5);
        ProposalRequest address = request(source("apollo", "contacts", "address"));

        StrategyAnswer own = learned.propose(new ProposalContext(acme, SCHEMA, address, 3));
        StrategyAnswer global =
                learned.propose(new ProposalContext(new TenantId("globex"), SCHEMA, address, 3));

        assertEquals(Optional.of("tenant-30-on-global"), own.rankingModel());
        assertEquals(Optional.of("global"), global.rankingModel());
        assertTrue(own.candidates().get(0).reasoning().endsWith("weighed by tenant-30-on-global"));
    }

    @Test
    void aTargetReviewersRejectedForLookAlikesIsDemotedAndSaysWhy() {
        LookAlikeIndex index = new LookAlikeIndex();
        index.add(source("outreach", "prospects", "addr"), CanonicalField.parse("contact.email"));
        SourceRef asked = source("apollo", "contacts", "address");
        CanonicalField email = CanonicalField.parse("contact.email");
        double trusted =
                new LearnedStrategy(
                                knowing(index),
                                t -> weighing(MatchFeature.KNOWN_NAME, 8, 0),
                                NOTHING_REJECTED,
                                0.5)
                        .propose(
                                new ProposalContext(
                                        new TenantId("acme"), SCHEMA, request(asked), 3))
                        .candidates()
                        .get(0)
                        .score();

        List<SourceRef> askedAbout = new ArrayList<>();
        StrategyAnswer answer =
                new LearnedStrategy(
                                knowing(index),
                                t -> weighing(MatchFeature.KNOWN_NAME, 8, 0),
                                (tenant, source) -> {
                                    askedAbout.add(source);
                                    return Map.of(email, 2);
                                },
                                0.5)
                        .propose(
                                new ProposalContext(
                                        new TenantId("acme"), SCHEMA, request(asked), 3));

        assertEquals(List.of(asked), askedAbout);
        Candidate demoted =
                answer.candidates().stream()
                        .filter(c -> c.target().equals(email))
                        .findFirst()
                        .orElseThrow();
        assertEquals(trusted * 0.25, demoted.score(), 0.002, "two rejections keep a quarter");
        assertTrue(
                demoted.reasoning()
                        .contains("rejected 2× by reviewers for look-alike fields (×0.25)"),
                demoted.reasoning());
        assertTrue(answer.abstained(), "what is left is no confident proposal: " + answer);
    }

    @Test
    void aFieldNothingSpeaksForIsAnAbstentionNotAGuess() {
        LearnedStrategy learned =
                new LearnedStrategy(
                        knowing(new LookAlikeIndex()),
                        t -> weighing(MatchFeature.NAME, 3, 4),
                        NOTHING_REJECTED,
                        0.5);

        StrategyAnswer answer =
                learned.propose(
                        new ProposalContext(
                                new TenantId("acme"),
                                SCHEMA,
                                request(source("apollo", "contacts", "livemode")),
                                3));

        assertTrue(answer.abstained());
        assertTrue(answer.candidates().get(0).score() < 0.5);
        assertTrue(answer.candidates().get(0).reasoning().startsWith("no confident proposal"));
    }

    @Test
    void sampleValuesAmongACandidatesListedValuesAreEvidence() {
        CanonicalSchema tickets =
                new CanonicalSchema(
                        List.of(
                                new CanonicalEntity(
                                        "ticket",
                                        Optional.empty(),
                                        List.of(
                                                new CanonicalFieldDefinition(
                                                        "state",
                                                        Optional.of("string"),
                                                        Optional.empty(),
                                                        List.of("Open", "Pending", "Solved")),
                                                field("subject", "What the ticket is about")))));
        ProposalRequest stage =
                new ProposalRequest(
                        source("zendesk", "tickets", "stage"),
                        List.of("open", "solved", "Escalated"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());

        LearnedStrategy.Evaluation e =
                LearnedStrategy.evaluate(
                        CanonicalProfile.of(new TenantId("acme"), tickets),
                        stage,
                        nothingKnownBut(Map.of()));

        assertEquals(CanonicalField.parse("ticket.state"), e.targets().get(0));
        assertEquals(2 / 3.0, e.features()[0][MatchFeature.VALUES.index()], 1e-9);
        assertEquals(0.0, e.features()[1][MatchFeature.VALUES.index()]);
    }

    @Test
    void aClosedListHasItsLimits() {
        List<String> tooMany =
                java.util.stream.IntStream.range(0, 501).mapToObj(i -> "v" + i).toList();
        dcl.registry.domain.error.InvalidInput refused =
                org.junit.jupiter.api.Assertions.assertThrows(
                        dcl.registry.domain.error.InvalidInput.class,
                        () ->
                                new CanonicalFieldDefinition(
                                        "state", Optional.empty(), Optional.empty(), tooMany));
        assertEquals("fields.enumValues", refused.violations().get(0).field());
    }

    /** Twenty fields whose right candidate has a description and a wrong one the name alike. */
    private static List<RankingModel.Example> descriptionMarksTheRightCandidate() {
        List<RankingModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] right = new double[MatchFeature.count()];
            double[] wrong = new double[MatchFeature.count()];
            right[MatchFeature.DESCRIPTION.index()] = 1;
            wrong[MatchFeature.NAME.index()] = 1;
            examples.add(
                    new RankingModel.Example(
                            new double[][] {right, wrong}, new boolean[] {true, false}));
            examples.add(new RankingModel.Example(new double[][] {wrong}, new boolean[] {false}));
        }
        return examples;
    }

    @Test
    void adjustingAModelMovesOnlyTheWeightsOfTheEvidenceNamed() {
        RankingModel prior = new RankingModel(new double[MatchFeature.count()], 1.5, "prior");

        RankingModel adjusted =
                prior.adjusted(
                        descriptionMarksTheRightCandidate(),
                        Set.of(MatchFeature.NAME),
                        0.001,
                        300,
                        "adjusted");

        assertTrue(adjusted.weight(MatchFeature.NAME) < -0.5, adjusted.asProperties().toString());
        assertEquals(0, adjusted.weight(MatchFeature.DESCRIPTION));
        assertEquals(1.5, adjusted.none());
    }

    @Test
    void fittingLearnsThatAFeatureMarksTheRightCandidate() {
        List<RankingModel.Example> examples = descriptionMarksTheRightCandidate();
        RankingModel fitted =
                RankingModel.fit(
                        examples,
                        new RankingModel(new double[MatchFeature.count()], 0, "zero"),
                        0.001,
                        300,
                        "fitted");

        assertTrue(
                fitted.weight(MatchFeature.DESCRIPTION) > fitted.none(),
                fitted.asProperties().toString());
        assertTrue(
                fitted.weight(MatchFeature.NAME) < fitted.none(), fitted.asProperties().toString());
        double[] right = new double[MatchFeature.count()];
        right[MatchFeature.DESCRIPTION.index()] = 1;
        assertTrue(fitted.probabilities(new double[][] {right})[0] > 0.9);
    }

    @Test
    void theShippedModelLoads() {
        RankingModel global = RankingModel.global();
        assertTrue(global.version().startsWith("global"), global.version());
    }

    @Test
    void theFieldsMeaningAloneIsEvidenceWithItsRank() {
        CanonicalSchema schema =
                new CanonicalSchema(
                        List.of(
                                new CanonicalEntity(
                                        "sequence",
                                        Optional.empty(),
                                        List.of(
                                                new CanonicalFieldDefinition(
                                                        "created_at",
                                                        Optional.of("datetime"),
                                                        Optional.empty()),
                                                new CanonicalFieldDefinition(
                                                        "name",
                                                        Optional.of("string"),
                                                        Optional.empty())))));
        ProposalRequest request =
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("apollo"),
                                new SourceTable("emailer_campaigns"),
                                new SourceField("created_at")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());

        LearnedStrategy.Evaluation e =
                LearnedStrategy.evaluate(
                        CanonicalProfile.of(new TenantId("acme"), schema),
                        request,
                        nothingKnownBut(
                                Map.of(
                                        CanonicalField.parse("sequence.created_at"), 0.93,
                                        CanonicalField.parse("sequence.name"), 0.21)));

        int createdAt = e.targets().indexOf(CanonicalField.parse("sequence.created_at"));
        int name = e.targets().indexOf(CanonicalField.parse("sequence.name"));
        assertEquals(0.93, e.features()[createdAt][MatchFeature.FIELD_MEANING.index()], 1e-9);
        assertEquals(1.0, e.features()[createdAt][MatchFeature.FIELD_MEANING_RANK.index()]);
        assertEquals(0.21, e.features()[name][MatchFeature.FIELD_MEANING.index()], 1e-9);
        assertEquals(0.5, e.features()[name][MatchFeature.FIELD_MEANING_RANK.index()]);
    }
}
