package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.EquivalenceGate;
import dcl.registry.domain.decision.IntelligenceModels;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.LearnedStrategy;
import dcl.registry.domain.intelligence.LexicalStrategy;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.MatchFeature;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.RagStrategy;
import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.out.DecisionLog;
import dcl.registry.domain.port.out.NothingKnown;
import dcl.registry.domain.port.out.SemanticSearch;
import dcl.registry.domain.port.out.StoreProposals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proposals as the service makes them: the strategy, the stored proposal and its decision. */
class ProposalServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Actor ALICE = new Actor("alice");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final ProposalRequest AMOUNT =
            ProposalRequest.of(
                    new SourceRef(
                            new ConnectorId("hubspot"),
                            new SourceTable("deals"),
                            new SourceField("amount")));

    /** What is asserted is which model weighed, not how: the weights do not matter. */
    private static final RankingModel GLOBAL = model("global-2026-11-26");

    private static final RankingModel ACMES_OWN = model("tenant-30-on-global-2026-11-26");

    private final List<Decision> recorded = new ArrayList<>();
    private final ProposalService service = service();

    private static RankingModel model(String version) {
        return new RankingModel(new double[MatchFeature.count()], 0, version);
    }

    @Test
    void
            givenTenantsWithTheirOwnAndTheGlobalRankingModel_whenLearnedProposes_thenEachDecisionNamesIt() {
        MappingProposal acmes = service.propose(ACME, ALICE, AMOUNT, AlternativesWanted.BY_DEFAULT);
        MappingProposal globexs =
                service.propose(GLOBEX, ALICE, AMOUNT, AlternativesWanted.BY_DEFAULT);

        assertEquals(List.of("learned", "learned"), answered());
        assertEquals(
                List.of(Optional.of(ACMES_OWN.version()), Optional.of(GLOBAL.version())),
                recorded.stream().map(Decision::rankingModel).toList());
        assertEquals(
                List.of(Optional.of(acmes.id()), Optional.of(globexs.id())),
                recorded.stream().map(Decision::proposalId).toList());
        assertTrue(
                acmes.best().reasoning().endsWith("weighed by " + ACMES_OWN.version()),
                "reviewers still read it in the reasoning: " + acmes.best().reasoning());
    }

    @Test
    void givenAStrategyWithoutARankingModel_whenItProposes_thenItsDecisionNamesNone() {
        service.propose(ACME, ALICE, AMOUNT, StrategyName.LEXICAL, AlternativesWanted.BY_DEFAULT);

        assertEquals(List.of("lexical"), answered());
        assertEquals(Optional.empty(), recorded.get(0).rankingModel());
    }

    @Test
    void givenHowManyAlternativesAreWanted_whenProposed_thenTheBestAndThatManyAreListed() {
        MappingProposal none = service.propose(ACME, ALICE, AMOUNT, new AlternativesWanted(0));
        MappingProposal two =
                service.propose(
                        ACME, ALICE, AMOUNT, StrategyName.LEXICAL, new AlternativesWanted(2));
        MappingProposal byDefault =
                service.propose(ACME, ALICE, AMOUNT, AlternativesWanted.BY_DEFAULT);

        assertEquals(1, none.candidates().size());
        assertEquals(3, two.candidates().size());
        assertEquals(1 + AlternativesWanted.DEFAULT, byDefault.candidates().size());
    }

    private List<String> answered() {
        return recorded.stream().map(Decision::strategyAnswered).toList();
    }

    /** The installation proposes with {@code learned}; acme has a model of its own. */
    private ProposalService service() {
        SemanticSearch nothingKnown = new NothingKnown();
        StrategyCatalog catalog =
                new StrategyCatalog(
                        new LexicalStrategy(),
                        new RagStrategy(nothingKnown),
                        Optional.empty(),
                        new LearnedStrategy(
                                nothingKnown,
                                tenant -> tenant.equals(ACME) ? ACMES_OWN : GLOBAL,
                                (tenant, source) -> Map.of(),
                                0.5));
        StrategyAssignments assignments =
                new StrategyAssignments(
                        new StrategyAssignmentsTest.SharedStore(),
                        new StrategyConfiguration(StrategyName.LEARNED, 0.9),
                        Duration.ofMillis(50));
        SloFakes.Audit audit = new SloFakes.Audit();
        SloFakes.Transactions transactions = new SloFakes.Transactions();
        return new ProposalService(
                schemas(),
                catalog,
                new DecisionService(
                        decisionLog(),
                        assignments,
                        new IntelligenceModels(Optional.empty(), Optional.empty(), "minilm"),
                        proposal -> {},
                        CLOCK),
                new ShadowService(
                        new ShadowServiceTest.MemoryShadows(),
                        assignments,
                        catalog,
                        new EquivalenceGate(0.95, 2),
                        Runnable::run,
                        1,
                        1,
                        audit,
                        transactions,
                        CLOCK,
                        Duration.ofSeconds(2)),
                nothingKnown,
                0.9,
                noStore(),
                audit,
                proposal -> {},
                transactions,
                CLOCK);
    }

    private DecisionLog decisionLog() {
        return new DecisionLog() {
            @Override
            public void record(Decision decision) {
                recorded.add(decision);
            }

            @Override
            public List<Decision> page(
                    TenantId tenant, DecisionQuery query, Optional<Decision> after, int limit) {
                throw new UnsupportedOperationException("only recorded here");
            }

            @Override
            public long forgetBefore(Instant before) {
                throw new UnsupportedOperationException("only recorded here");
            }

            @Override
            public long keepNewest(long keep) {
                throw new UnsupportedOperationException("only recorded here");
            }
        };
    }

    /** Proposals are stored and never read back here. */
    private static StoreProposals noStore() {
        return new StoreProposals() {
            @Override
            public void save(MappingProposal proposal) {}

            @Override
            public Optional<StoredProposal> byId(TenantId tenant, UUID id) {
                return Optional.empty();
            }
        };
    }

    private static CanonicalSchemaUseCase schemas() {
        return new CanonicalSchemaUseCase() {
            @Override
            public CanonicalSchema schema(TenantId tenant) {
                return DefaultCrmModel.schema();
            }

            @Override
            public boolean define(
                    TenantId tenant, Actor actor, CanonicalEntity entity, Optional<String> reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(
                    TenantId tenant, Actor actor, String entity, Optional<String> reason) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
