package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.decision.ConfigurationOrigin;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.decision.StrategyChangeKind;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The decision trail and strategy changes on a real PostgreSQL. */
class DecisionStoresTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final StrategyConfiguration MIXED =
            new StrategyConfiguration(StrategyName.MIXED, 0.9);
    private static final StrategyConfiguration LEXICAL =
            new StrategyConfiguration(StrategyName.LEXICAL, 0.9);
    @RegisterExtension static final RegistryDatabase database = new RegistryDatabase();
    private final JpaDecisionLog log = new JpaDecisionLog();
    private final JpaStrategyChanges changes = new JpaStrategyChanges();
    private final JpaShadowStore shadows = new JpaShadowStore();

    @BeforeEach
    void emptyTablesAndInject() {
        database.execute(
                "TRUNCATE decisions, strategy_changes, shadow_settings, shadow_comparisons");
        log.em = database.transactionScoped();
        changes.em = database.transactionScoped();
        shadows.em = database.transactionScoped();
    }

    private static Decision decision(
            TenantId tenant, Instant at, String answered, boolean violated) {
        return decision(tenant, at, answered, Optional.empty(), violated);
    }

    private static Decision decision(
            TenantId tenant,
            Instant at,
            String answered,
            Optional<String> rankingModel,
            boolean violated) {
        return new Decision(
                UUID.randomUUID(),
                at,
                tenant,
                DecisionKind.PROPOSAL,
                new SourceRef(
                        new ConnectorId("hubspot"),
                        new SourceTable("deals"),
                        new SourceField("close_%date")),
                new ConfigurationSnapshot(
                        new EffectiveConfiguration(MIXED, ConfigurationOrigin.INSTALLATION, 0),
                        Optional.of("gemini-it"),
                        Optional.of("v1"),
                        "minilm"),
                "mixed",
                Optional.empty(),
                answered,
                rankingModel,
                List.of(new Fallback("llm", "unreachable")),
                Optional.of(new CanonicalField("opportunity", "close_date")),
                0.75,
                Duration.ofMillis(12),
                violated
                        ? Optional.of("lexical answered where rag was demanded")
                        : Optional.empty(),
                Optional.of(UUID.randomUUID()));
    }

    private List<Decision> all(TenantId tenant, DecisionQuery query) {
        List<Decision> read = new ArrayList<>();
        Optional<Decision> last = Optional.empty();
        List<Decision> page;
        do {
            Optional<Decision> after = last;
            page = database.inTransaction(() -> log.page(tenant, query, after, 7));
            read.addAll(page);
            last = page.isEmpty() ? last : Optional.of(page.get(page.size() - 1));
        } while (page.size() == 7);
        return read;
    }

    private static DecisionQuery everything() {
        return new DecisionQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void
            givenDecisionsOfTwoTenants_whenReadInPages_thenEachTenantGetsAllItsOwnInOrder_andRoundTrips() {
        List<Decision> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // several at the same instant: the keyset goes on by id within it
            Decision d = decision(ACME, T0.plusSeconds(i / 3), "lexical", false);
            written.add(d);
            database.inTransaction(
                    () -> {
                        log.record(d);
                        return d;
                    });
        }
        database.inTransaction(
                () -> {
                    log.record(decision(GLOBEX, T0, "rag", false));
                    return 0;
                });

        List<Decision> read = all(ACME, everything());
        assertEquals(30, read.size());
        assertEquals(30, read.stream().map(Decision::id).distinct().count());
        for (int i = 1; i < read.size(); i++) {
            assertTrue(!read.get(i).at().isBefore(read.get(i - 1).at()), "oldest first");
        }
        Decision first =
                written.stream()
                        .filter(d -> d.id().equals(read.get(0).id()))
                        .findFirst()
                        .orElseThrow();
        assertEquals(first, read.get(0), "a decision reads back as written");
        assertEquals(1, all(GLOBEX, everything()).size());
    }

    @Test
    void givenALearnedDecision_whenReadBack_thenItNamesTheRankingModelThatWeighedIt() {
        Decision learned =
                decision(ACME, T0, "learned", Optional.of("tenant-30-on-global-2026-11-26"), false);
        Decision lexical = decision(ACME, T0.plusSeconds(1), "lexical", false);
        database.inTransaction(
                () -> {
                    log.record(learned);
                    log.record(lexical);
                    return 0;
                });

        List<Decision> read = all(ACME, everything());

        assertEquals(
                List.of(Optional.of("tenant-30-on-global-2026-11-26"), Optional.empty()),
                read.stream().map(Decision::rankingModel).toList());
        assertEquals(List.of(learned, lexical), read, "each reads back as written");
    }

    @Test
    void givenFilters_thenTimeStrategyAndViolationSelect_andWildcardsInAStrategyAreLiteral() {
        database.inTransaction(
                () -> {
                    log.record(decision(ACME, T0, "lexical", false));
                    return 0;
                });
        database.inTransaction(
                () -> {
                    log.record(decision(ACME, T0.plusSeconds(60), "rag", true));
                    return 0;
                });
        database.inTransaction(
                () -> {
                    log.record(
                            decision(
                                    ACME, T0.plusSeconds(120), "drift-repair:rename_field", false));
                    return 0;
                });

        assertEquals(
                1,
                all(
                                ACME,
                                new DecisionQuery(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("rag"),
                                        Optional.empty()))
                        .size());
        assertEquals(
                1,
                all(
                                ACME,
                                new DecisionQuery(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("drift-repair"),
                                        Optional.empty()))
                        .size());
        assertEquals(
                0,
                all(
                                ACME,
                                new DecisionQuery(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("drift%"),
                                        Optional.empty()))
                        .size());
        assertEquals(
                1,
                all(
                                ACME,
                                new DecisionQuery(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(true)))
                        .size());
        assertEquals(
                2,
                all(
                                ACME,
                                new DecisionQuery(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(false)))
                        .size());
        assertEquals(
                1, all(ACME, DecisionQuery.between(T0.plusSeconds(30), T0.plusSeconds(90))).size());
    }

    @Test
    void givenRetention_whenEnforced_thenOldDecisionsGo_andEachTenantKeepsItsNewestN() {
        for (int i = 0; i < 12; i++) {
            // acme writes 10, globex 2
            Decision d = decision(i < 10 ? ACME : GLOBEX, T0.plusSeconds(i), "lexical", false);
            database.inTransaction(
                    () -> {
                        log.record(d);
                        return d;
                    });
        }
        assertEquals(3L, (long) database.inTransaction(() -> log.forgetBefore(T0.plusSeconds(3))));
        assertEquals(3L, (long) database.inTransaction(() -> log.keepNewest(4)));
        List<Decision> acme = all(ACME, everything());
        assertEquals(4, acme.size());
        assertTrue(acme.stream().allMatch(d -> !d.at().isBefore(T0.plusSeconds(6))));
        assertEquals(2, all(GLOBEX, everything()).size(), "the busy tenant cost the other nothing");
    }

    private static StrategyChange change(
            Optional<TenantId> tenant,
            long sequence,
            Optional<StrategyConfiguration> c,
            int percent) {
        return new StrategyChange(
                0,
                tenant,
                sequence,
                c,
                percent,
                Optional.empty(),
                0,
                StrategyChangeKind.SET,
                Optional.empty(),
                false,
                T0,
                new Actor("alice"),
                ACME);
    }

    @Test
    void givenTwoAppendsAfterTheSameChange_thenOneWins_andEachScopeKeepsItsOwnLine() {
        assertTrue(
                database.inTransaction(
                                () ->
                                        changes.append(
                                                change(
                                                        Optional.of(ACME),
                                                        1,
                                                        Optional.of(LEXICAL),
                                                        100)))
                        .isPresent());
        assertTrue(
                database.inTransaction(
                                () ->
                                        changes.append(
                                                change(
                                                        Optional.of(ACME),
                                                        1,
                                                        Optional.of(MIXED),
                                                        100)))
                        .isEmpty(),
                "another node took sequence 1");
        assertTrue(
                database.inTransaction(
                                () ->
                                        changes.append(
                                                change(
                                                        Optional.of(ACME),
                                                        3,
                                                        Optional.of(MIXED),
                                                        100)))
                        .isEmpty(),
                "must follow the newest");
        StrategyChange fleet =
                database.inTransaction(
                                () ->
                                        changes.append(
                                                change(Optional.empty(), 1, Optional.empty(), 0)))
                        .orElseThrow();
        StrategyChange second =
                database.inTransaction(
                                () ->
                                        changes.append(
                                                change(
                                                        Optional.of(ACME),
                                                        2,
                                                        Optional.empty(),
                                                        100)))
                        .orElseThrow();

        var inForce = database.inTransaction(() -> changes.inForce(ACME));
        assertEquals(Optional.of(second), inForce.own());
        assertEquals(Optional.of(fleet), inForce.rollout());
        assertEquals(
                Optional.empty(),
                inForce.own().orElseThrow().configuration(),
                "the installation's again");
        assertEquals(2, database.inTransaction(changes::latestOfEveryScope).size());
        assertEquals(
                List.of(second),
                database.inTransaction(() -> changes.after(fleet.id())).stream()
                        .filter(c -> c.id() > fleet.id())
                        .toList());
        assertEquals(
                2, database.inTransaction(() -> changes.history(Optional.of(ACME), 10)).size());
        assertEquals(Optional.empty(), database.inTransaction(() -> changes.inForce(GLOBEX)).own());
    }

    private static ShadowComparison compared(TenantId tenant, Instant at) {
        CanonicalField close = new CanonicalField("opportunity", "close_date");
        return new ShadowComparison(
                tenant,
                at,
                new SourceRef(
                        new ConnectorId("hubspot"), new SourceTable("deals"), new SourceField("x")),
                "lexical",
                at.isAfter(T0.plusSeconds(20)) ? 7 : 0,
                close,
                "rag",
                List.of(close),
                Optional.empty());
    }

    @Test
    void givenComparisons_whenForgotten_thenOnlyThoseTheRunningShadowCountsAndRecentStay() {
        ShadowSettings running =
                new ShadowSettings(
                        ACME,
                        new StrategyConfiguration(StrategyName.RAG, 0.9),
                        1,
                        T0.plusSeconds(10),
                        new Actor("alice"));
        database.inTransaction(
                () -> {
                    shadows.start(running);
                    return 0;
                });
        for (ShadowComparison c :
                List.of(
                        compared(ACME, T0.plusSeconds(5)), // before the shadow began
                        compared(ACME, T0.plusSeconds(15)),
                        compared(ACME, T0.plusSeconds(25)),
                        compared(GLOBEX, T0.plusSeconds(15)))) { // no shadow runs for it
            database.inTransaction(
                    () -> {
                        shadows.compared(c);
                        return 0;
                    });
        }
        assertEquals(
                3L, (long) database.inTransaction(() -> shadows.forgetBefore(T0.plusSeconds(20))));
        var counts = database.inTransaction(() -> shadows.counts(running, 7));
        assertEquals(1, counts.get(0).compared());
        assertEquals(1, counts.get(0).agreedTop1());
        assertEquals(
                List.of(),
                database.inTransaction(() -> shadows.counts(running, 0)),
                "the one left served under version 7");
    }
}
