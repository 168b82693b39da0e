package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.decision.EquivalenceGate;
import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalContext;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.ShadowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShadowServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final Actor ALICE = new Actor("alice");
    private static final CanonicalField CLOSE = new CanonicalField("opportunity", "close_date");
    private static final CanonicalField CREATED = new CanonicalField("opportunity", "created_at");
    private static final StrategyConfiguration RAG =
            new StrategyConfiguration(StrategyName.RAG, 0.9);
    private static final StrategyConfiguration LEXICAL =
            new StrategyConfiguration(StrategyName.LEXICAL, 0.9);
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    /** Settings and comparisons kept in memory, counted as the SQL store counts them. */
    static class MemoryShadows implements ShadowStore {
        final Map<TenantId, ShadowSettings> settings = new HashMap<>();
        final List<ShadowComparison> comparisons = new ArrayList<>();

        @Override
        public Optional<ShadowSettings> settings(TenantId tenant) {
            return Optional.ofNullable(settings.get(tenant));
        }

        @Override
        public void start(ShadowSettings s) {
            comparisons.clear();
            settings.put(s.tenant(), s);
        }

        @Override
        public boolean stop(TenantId tenant) {
            return settings.remove(tenant) != null;
        }

        @Override
        public void compared(ShadowComparison c) {
            comparisons.add(c);
        }

        @Override
        public long forgetBefore(Instant before) {
            long had = comparisons.size();
            comparisons.removeIf(c -> c.at().isBefore(before));
            return had - comparisons.size();
        }

        @Override
        public List<ServingCounts> counts(ShadowSettings s, long servingVersion) {
            return comparisons.stream()
                    .filter(c -> c.servingVersion() == servingVersion)
                    .collect(Collectors.groupingBy(ShadowComparison::serving))
                    .entrySet()
                    .stream()
                    .map(
                            e ->
                                    new ServingCounts(
                                            e.getKey(),
                                            e.getValue().size(),
                                            e.getValue().stream()
                                                    .filter(ShadowComparison::agreesTop1)
                                                    .count(),
                                            e.getValue().stream()
                                                    .filter(ShadowComparison::agreesTop3)
                                                    .count()))
                    .toList();
        }

        @Override
        public List<ShadowComparison> disagreements(
                ShadowSettings s, long servingVersion, int limit) {
            return comparisons.stream()
                    .filter(c -> c.servingVersion() == servingVersion && !c.agreesTop1())
                    .limit(limit)
                    .toList();
        }
    }

    /** Comparisons a second that no test reaches. */
    private static final double UNLIMITED = 1e12;

    private final MemoryShadows store = new MemoryShadows();
    private final StrategyAssignmentsTest.SharedStore changes =
            new StrategyAssignmentsTest.SharedStore();
    private final StrategyAssignments assignments =
            new StrategyAssignments(
                    changes,
                    new StrategyConfiguration(StrategyName.MIXED, 0.9),
                    Duration.ofMillis(50));
    private final SloFakes.Audit audit = new SloFakes.Audit();
    private final List<Runnable> queued = new ArrayList<>();

    /** rag answers close_date first; lexical created_at first, close_date second. */
    private final StrategyCatalog catalog =
            new StrategyCatalog(
                    c ->
                            StrategyAnswer.of(
                                    "lexical", List.of(candidate(CREATED), candidate(CLOSE))),
                    c -> StrategyAnswer.of("rag", List.of(candidate(CLOSE))),
                    Optional.of(
                            c -> {
                                throw new StrategyUnavailable("llm", "unreachable");
                            }),
                    c -> StrategyAnswer.of("learned", List.of(candidate(CLOSE))));

    private static Candidate candidate(CanonicalField f) {
        return new Candidate(f, 0.8, "because");
    }

    private ShadowService shadow(Executor background, int inFlight) {
        return new ShadowService(
                store,
                assignments,
                catalog,
                new EquivalenceGate(0.95, 2),
                background,
                inFlight,
                UNLIMITED,
                audit,
                new SloFakes.Transactions(),
                CLOCK,
                Duration.ofSeconds(2));
    }

    private static ProposalContext context() {
        return new ProposalContext(
                ACME,
                DefaultCrmModel.schema(),
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("hubspot"),
                                new SourceTable("deals"),
                                new SourceField("closedate")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                4);
    }

    private static MappingProposal servedByRag() {
        return servedByRag(ACME);
    }

    private static MappingProposal servedByRag(TenantId tenant) {
        return new MappingProposal(
                UUID.randomUUID(),
                tenant,
                context().request().source(),
                List.of(),
                StrategyAnswer.of("rag", List.of(candidate(CLOSE))),
                CLOCK.instant(),
                ALICE);
    }

    @Test
    void givenACandidate_whenLiveProposalsArrive_thenEachIsComparedOnTheBackgroundOnly() {
        ShadowService service = shadow(queued::add, 4);
        service.start(ACME, ALICE, LEXICAL, 1);
        assertEquals("candidate=lexical, sample=1.0", audit.settings.get(0).after(), "audited");
        service.consider(context(), servedByRag(), 0);
        assertTrue(store.comparisons.isEmpty(), "nothing runs on the caller's thread");
        queued.forEach(Runnable::run);
        ShadowComparison c = store.comparisons.get(0);
        assertEquals(List.of(CREATED, CLOSE), c.candidateTargets());
        assertEquals(false, c.agreesTop1());
        assertEquals(true, c.agreesTop3());
        var view = service.view(ACME).orElseThrow();
        assertEquals(1, view.tally().compared());
        assertEquals(0.0, view.tally().agreementTop1());
        assertEquals(1.0, view.tally().agreementTop3());
        assertEquals(1, view.examplesOfDisagreement().size());
    }

    @Test
    void givenAFullBackground_whenMoreAreSampled_thenTheyAreSkippedAndCounted() {
        ShadowService service = shadow(queued::add, 1);
        service.start(ACME, ALICE, RAG, 1);
        service.consider(context(), servedByRag(), 0);
        service.consider(context(), servedByRag(), 0);
        assertEquals(1, queued.size());
        assertEquals(1, service.view(ACME).orElseThrow().tally().skipped());
    }

    @Test
    void givenOneTenantsSlowComparisons_whenAnotherTenantsProposalIsSampled_thenItStillGetsASlot() {
        ShadowService service = shadow(queued::add, 4);
        TenantId globex = new TenantId("globex");
        service.start(ACME, ALICE, LEXICAL, 1);
        service.start(globex, new Actor("bob"), LEXICAL, 1);
        for (int i = 0; i < 4; i++) {
            service.consider(context(), servedByRag(), 0);
        }
        assertEquals(2, queued.size(), "acme holds half of the node's four slots");
        assertEquals(2, service.view(ACME).orElseThrow().tally().skipped());

        ProposalContext globexs =
                new ProposalContext(
                        globex, context().schema(), context().request(), context().limit());
        service.consider(globexs, servedByRag(globex), 0);

        assertEquals(3, queued.size(), "globex's comparison started beside acme's");
        assertEquals(0, service.view(globex).orElseThrow().tally().skipped());
        queued.forEach(Runnable::run);
        queued.clear();
        service.consider(context(), servedByRag(), 0);
        assertEquals(1, queued.size(), "acme's finished comparisons gave its slots back");
    }

    @Test
    void givenABackgroundThatRefusedAComparison_whenTheNextIsSampled_thenTheTenantsSlotIsFree() {
        boolean[] refuse = {true};
        ShadowService service =
                shadow(
                        task -> {
                            if (refuse[0]) {
                                refuse[0] = false;
                                throw new RejectedExecutionException("full");
                            }
                            queued.add(task);
                        },
                        2);
        service.start(ACME, ALICE, LEXICAL, 1);

        service.consider(context(), servedByRag(), 0);
        service.consider(context(), servedByRag(), 0);

        assertEquals(1, service.view(ACME).orElseThrow().tally().skipped(), "the refused one");
        assertEquals(1, queued.size(), "acme's one slot of two came back after the refusal");
    }

    @Test
    void givenASampleOfZero_thenNothingIsCompared_andACandidateThatFailsAgreesWithNothing() {
        ShadowService service = shadow(Runnable::run, 4);
        service.start(ACME, ALICE, RAG, 0);
        service.consider(context(), servedByRag(), 0);
        assertTrue(store.comparisons.isEmpty());

        service.start(ACME, ALICE, new StrategyConfiguration(StrategyName.LLM, 0.9), 1);
        service.consider(context(), servedByRag(), 0);
        ShadowComparison failed = store.comparisons.get(0);
        assertEquals(Optional.of("llm: unreachable"), failed.candidateFailure());
        assertEquals(false, failed.agreesTop1());
    }

    @Test
    void givenAnAgreeingCandidate_thenTheGateOpensOnlyForThatCandidate() {
        ShadowService service = shadow(Runnable::run, 4);
        service.start(ACME, ALICE, RAG, 1);
        service.consider(context(), servedByRag(), 0);
        assertTrue(service.refusal(ACME, RAG).isPresent(), "one comparison is below the minimum");
        service.consider(context(), servedByRag(), 0);
        assertEquals(Optional.empty(), service.refusal(ACME, RAG));
        assertTrue(service.refusal(ACME, LEXICAL).isPresent());
    }

    @Test
    void givenAStoreThatCannotBeRead_whenAProposalIsConsidered_thenTheCallerIsNotFailed() {
        MemoryShadows broken =
                new MemoryShadows() {
                    @Override
                    public Optional<ShadowSettings> settings(TenantId tenant) {
                        throw new StoreUnavailable();
                    }
                };
        ShadowService unreadable =
                new ShadowService(
                        broken,
                        assignments,
                        catalog,
                        new EquivalenceGate(0.95, 2),
                        Runnable::run,
                        4,
                        UNLIMITED,
                        audit,
                        new SloFakes.Transactions(),
                        CLOCK,
                        Duration.ofSeconds(2));
        unreadable.consider(context(), servedByRag(), 0);
        assertTrue(broken.comparisons.isEmpty());
    }

    @Test
    void givenARateOfOnePerSecond_whenSampledProposalsComeFaster_thenTheRestAreSkipped() {
        ShadowService slow =
                new ShadowService(
                        store,
                        assignments,
                        catalog,
                        new EquivalenceGate(0.95, 2),
                        Runnable::run,
                        4,
                        1,
                        audit,
                        new SloFakes.Transactions(),
                        CLOCK,
                        Duration.ofSeconds(2));
        slow.start(ACME, ALICE, RAG, 1);
        for (int i = 0; i < 5; i++) {
            slow.consider(context(), servedByRag(), 0);
        }
        assertEquals(1, store.comparisons.size());
        assertEquals(4, slow.view(ACME).orElseThrow().tally().skipped());
    }

    @Test
    void givenWhatServesTheTenantChanges_thenTheFiguresCountOnlyComparisonsWithTheNewBaseline()
            throws InterruptedException {
        ShadowService service = shadow(Runnable::run, 4);
        service.start(ACME, ALICE, RAG, 1);
        service.consider(context(), servedByRag(), 0);
        assertEquals(1, service.view(ACME).orElseThrow().tally().compared());

        long lexical = changes.add(ACME, LEXICAL).id();
        Thread.sleep(60);
        var view = service.view(ACME).orElseThrow();
        assertEquals(lexical, view.servingVersion());
        assertEquals(0, view.tally().compared(), "compared with what served before: not counted");
    }
}
