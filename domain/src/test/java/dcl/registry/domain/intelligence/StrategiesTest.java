package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.LanguageModel;
import dcl.registry.domain.port.out.NothingKnown;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private static final CanonicalSchema CRM = DefaultCrmModel.schema();
    private static final ProposalRequest CLOSE_DATE =
            new ProposalRequest(
                    new SourceRef(
                            new ConnectorId("hubspot"),
                            new SourceTable("deals"),
                            new SourceField("hs_closedate")),
                    List.of("2024-01-02"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
    private static final ProposalContext CONTEXT =
            new ProposalContext(new TenantId("acme"), CRM, CLOSE_DATE, 4);

    /** A search answering with fixed similarities (or refusing, like an index still warming). */
    private static SemanticSearch search(double similarity, boolean warming) {
        return new NothingKnown() {
            @Override
            public List<SimilarMapping> similarMappings(
                    TenantId tenant, ProposalRequest request, int limit) {
                if (warming) {
                    throw new StrategyUnavailable("rag", "index warming");
                }
                return List.of(
                        new SimilarMapping(
                                new MappingId(UUID.randomUUID()),
                                new SourceRef(
                                        new ConnectorId("salesforce"),
                                        new SourceTable("Opportunity"),
                                        new SourceField("CloseDate")),
                                new CanonicalField("opportunity", "close_date"),
                                similarity));
            }

            @Override
            public LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source) {
                if (warming) {
                    throw new StrategyUnavailable("rag", "index warming");
                }
                return LookAlikeIndex.Votes.NONE;
            }

            @Override
            public List<Candidate> similarCanonicalFields(
                    TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit) {
                return List.of(
                        new Candidate(
                                new CanonicalField("opportunity", "created_at"),
                                0.5,
                                "description"));
            }
        };
    }

    private static LanguageModel answering(String target, List<LlmQuestion> asked) {
        return question -> {
            asked.add(question);
            return new LlmSuggestion(
                    CanonicalField.parse(target),
                    0.8,
                    "the model said so",
                    List.of(
                            new CanonicalField("opportunity", "created_at"),
                            new CanonicalField("made", "up")),
                    "test-v1");
        };
    }

    private static final LanguageModel DOWN =
            question -> {
                throw new StrategyUnavailable("llm", "circuit open after repeated failures");
            };

    @Test
    void
            givenAKnownLookAlikeAboveTheThreshold_whenMixedProposes_thenRagAnswersWithoutAskingTheModel() {
        List<LlmQuestion> asked = new ArrayList<>();
        SemanticSearch search = search(0.95, false);
        StrategyAnswer answer =
                new MixedStrategy(
                                new RagStrategy(search),
                                Optional.of(
                                        new LlmStrategy(
                                                answering("opportunity.amount", asked), search)),
                                new LexicalStrategy(),
                                0.9)
                        .propose(CONTEXT);
        assertEquals("rag", answer.strategy());
        assertEquals("opportunity.close_date", answer.candidates().get(0).target().toString());
        assertEquals(0.95, answer.bestScore(), 1e-9);
        assertEquals(1, answer.similar().size());
        assertTrue(answer.degraded().isEmpty());
        assertTrue(asked.isEmpty());
    }

    @Test
    void
            givenRetrievalBelowTheThreshold_whenMixedProposes_thenTheConfiguredModelAnswersWithTheLookAlikesInItsQuestion() {
        List<LlmQuestion> asked = new ArrayList<>();
        SemanticSearch search = search(0.7, false);
        StrategyAnswer answer =
                new MixedStrategy(
                                new RagStrategy(search),
                                Optional.of(
                                        new LlmStrategy(
                                                answering("opportunity.close_date", asked),
                                                search)),
                                new LexicalStrategy(),
                                0.9)
                        .propose(CONTEXT);
        assertEquals("llm", answer.strategy());
        assertEquals(Optional.of("test-v1"), answer.promptVersion());
        assertEquals(Optional.empty(), answer.rankingModel(), "no re-ranker weighed it");
        assertEquals(
                List.of("opportunity.close_date", "opportunity.created_at"),
                answer.candidates().stream().limit(2).map(c -> c.target().toString()).toList(),
                "invented alternatives are dropped");
        assertTrue(answer.candidates().stream().noneMatch(c -> c.target().entity().equals("made")));
        assertEquals(1, asked.get(0).similar().size());
        assertTrue(
                asked.get(0).candidates().stream()
                        .anyMatch(
                                c ->
                                        c.field().toString().equals("opportunity.close_date")
                                                && c.description().isPresent()));
    }

    @Test
    void givenNoModelConfigured_whenMixedProposes_thenLexicalAnswersAndThatIsNotAFallback() {
        StrategyAnswer answer =
                new MixedStrategy(
                                new RagStrategy(search(0.7, false)),
                                Optional.empty(),
                                new LexicalStrategy(),
                                0.9)
                        .propose(CONTEXT);
        assertEquals("lexical", answer.strategy());
        assertEquals("opportunity.close_date", answer.candidates().get(0).target().toString());
        assertTrue(answer.degraded().isEmpty());
    }

    @Test
    void
            givenAWarmingIndexAndAModelThatIsDown_whenMixedProposes_thenLexicalAnswersAndBothFallbacksAreListed() {
        SemanticSearch search = search(0, true);
        StrategyAnswer answer =
                new MixedStrategy(
                                new RagStrategy(search),
                                Optional.of(new LlmStrategy(DOWN, search)),
                                new LexicalStrategy(),
                                0.9)
                        .propose(CONTEXT);
        assertEquals("lexical", answer.strategy());
        assertEquals(
                List.of("rag: index warming", "llm: circuit open after repeated failures"),
                answer.degraded().stream().map(Fallback::toString).toList());
    }

    @Test
    void givenTheModelNamesAFieldTheSchemaLacks_whenLlmProposes_thenTheAnswerIsRejected() {
        LlmStrategy llm =
                new LlmStrategy(
                        answering("opportunity.discount_code", new ArrayList<>()),
                        search(0.5, false));
        StrategyUnavailable rejected =
                assertThrows(StrategyUnavailable.class, () -> llm.propose(CONTEXT));
        assertEquals("llm", rejected.fallback().strategy());
        assertTrue(
                rejected.fallback().reason().contains("opportunity.discount_code"),
                rejected.getMessage());

        StrategyAnswer mixed =
                new MixedStrategy(
                                new RagStrategy(search(0.5, false)),
                                Optional.of(llm),
                                new LexicalStrategy(),
                                0.9)
                        .propose(CONTEXT);
        assertEquals("lexical", mixed.strategy());
        assertTrue(mixed.degraded().get(0).reason().startsWith("answer rejected"));
    }

    @Test
    void givenAnExplicitStrategy_whenItCannotAnswer_thenItSaysSoInsteadOfFallingBack() {
        assertThrows(
                StrategyUnavailable.class, () -> new RagStrategy(search(0, true)).propose(CONTEXT));
        assertThrows(
                StrategyUnavailable.class,
                () -> new LlmStrategy(DOWN, search(0.5, false)).propose(CONTEXT));
    }

    @Test
    void givenSettings_whenOutOfRange_thenEachPropertyIsNamed() {
        InvalidInput invalid =
                assertThrows(InvalidInput.class, () -> new StrategySettings(null, 0, 1.5));
        assertEquals(
                List.of(
                        StrategySettings.STRATEGY,
                        StrategySettings.LOOKUP_THRESHOLD,
                        StrategySettings.MIXED_RAG_THRESHOLD),
                invalid.violations().stream().map(v -> v.field()).toList());
        assertEquals(StrategyName.MIXED, StrategyName.parse(" Mixed ").orElseThrow());
        assertTrue(StrategyName.parse("gpt").isEmpty());
    }
}
