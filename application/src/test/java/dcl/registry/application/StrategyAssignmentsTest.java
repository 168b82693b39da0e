package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.decision.ConfigurationOrigin;
import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.decision.StrategyChangeKind;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StrategyChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class StrategyAssignmentsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final StrategyConfiguration MIXED =
            new StrategyConfiguration(StrategyName.MIXED, 0.9);
    private static final StrategyConfiguration LEXICAL =
            new StrategyConfiguration(StrategyName.LEXICAL, 0.9);
    private static final StrategyConfiguration RAG =
            new StrategyConfiguration(StrategyName.RAG, 0.9);

    /** The store shared by all nodes: ids in the order of appending, as a sequence gives them. */
    static final class SharedStore implements StrategyChanges {
        final List<StrategyChange> rows = new ArrayList<>();

        StrategyChange add(TenantId tenant, StrategyConfiguration c) {
            long sequence =
                    rows.stream().filter(r -> r.tenant().equals(Optional.of(tenant))).count() + 1;
            return append(
                            new StrategyChange(
                                    0,
                                    Optional.of(tenant),
                                    sequence,
                                    Optional.of(c),
                                    100,
                                    Optional.empty(),
                                    100,
                                    StrategyChangeKind.SET,
                                    Optional.empty(),
                                    false,
                                    Instant.EPOCH,
                                    new Actor("alice"),
                                    tenant))
                    .orElseThrow();
        }

        @Override
        public Optional<StrategyChange> latest(Optional<TenantId> scope) {
            return rows.stream()
                    .filter(r -> r.tenant().equals(scope))
                    .max(Comparator.comparingLong(StrategyChange::sequence));
        }

        @Override
        public InForce inForce(TenantId tenant) {
            return new InForce(latest(Optional.of(tenant)), latest(Optional.empty()));
        }

        @Override
        public List<StrategyChange> latestOfEveryScope() {
            return rows.stream().map(r -> latest(r.tenant()).orElseThrow()).distinct().toList();
        }

        /** As the store: those above the id, and every recent one again (all are recent here). */
        @Override
        public List<StrategyChange> after(long id) {
            return List.copyOf(rows);
        }

        @Override
        public List<StrategyChange> history(Optional<TenantId> scope, int limit) {
            return rows.stream().filter(r -> r.tenant().equals(scope)).limit(limit).toList();
        }

        @Override
        public Optional<StrategyChange> append(StrategyChange c) {
            StrategyChange stored =
                    new StrategyChange(
                            rows.size() + 1L,
                            c.tenant(),
                            c.sequence(),
                            c.configuration(),
                            c.percent(),
                            c.previous(),
                            c.previousPercent(),
                            c.kind(),
                            c.reason(),
                            c.forced(),
                            c.decidedAt(),
                            c.decidedBy(),
                            c.owner());
            rows.add(stored);
            return Optional.of(stored);
        }
    }

    @Test
    void
            givenAChangeOnAnotherNode_thenThisNodeFollowsItOnlyAfterItsRefresh_andTheStoreSaysSoAtOnce()
                    throws InterruptedException {
        SharedStore store = new SharedStore();
        StrategyAssignments node = new StrategyAssignments(store, MIXED, Duration.ofMillis(300));
        assertEquals(ConfigurationOrigin.INSTALLATION, node.forTenant(ACME).origin());

        StrategyChange elsewhere = store.add(ACME, LEXICAL);
        assertEquals(MIXED, node.forTenant(ACME).configuration(), "its copy is still fresh");
        assertEquals(elsewhere.id(), node.demanded(ACME).version(), "the store knows already");

        Thread.sleep(350);
        assertEquals(LEXICAL, node.forTenant(ACME).configuration());
        assertEquals(elsewhere.id(), node.forTenant(ACME).version());
    }

    @Test
    void givenALocalChange_thenItIsInForceAtOnce_andAnEarlierChangeFromElsewhereIsNotSkipped()
            throws InterruptedException {
        SharedStore store = new SharedStore();
        StrategyAssignments node = new StrategyAssignments(store, MIXED, Duration.ofMillis(300));
        node.forTenant(ACME);
        TenantId other = new TenantId("globex");
        store.add(other, RAG); // another node's, not yet read here
        node.stored(store.add(ACME, LEXICAL)); // this node's own, a higher id
        assertEquals(LEXICAL, node.forTenant(ACME).configuration());

        Thread.sleep(350);
        assertEquals(
                RAG, node.forTenant(other).configuration(), "read despite the higher local id");
    }

    @Test
    void givenAChangeReadAgainOnLaterRefreshes_thenThisNodeLogsItsSwitchOnce()
            throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Handler capture =
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        lines.add(r.getMessage());
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        Logger log = Logger.getLogger(StrategyAssignments.class.getName());
        log.addHandler(capture);
        try {
            SharedStore store = new SharedStore();
            StrategyAssignments node =
                    new StrategyAssignments(store, MIXED, Duration.ofMillis(100));
            node.forTenant(ACME);
            store.add(ACME, LEXICAL);
            for (int refresh = 0; refresh < 3; refresh++) {
                Thread.sleep(120);
                node.forTenant(ACME);
            }
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("tenant acme -> lexical"), lines.get(0));
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void givenAStoreThatFailsAfterTheFirstRead_thenTheNodeKeepsAnsweringFromItsCopy()
            throws InterruptedException {
        SharedStore store = new SharedStore();
        store.add(ACME, LEXICAL);
        boolean[] out = {false};
        StrategyChanges failing =
                new StrategyChanges() {
                    @Override
                    public Optional<StrategyChange> latest(Optional<TenantId> scope) {
                        return store.latest(scope);
                    }

                    @Override
                    public InForce inForce(TenantId tenant) {
                        return store.inForce(tenant);
                    }

                    @Override
                    public List<StrategyChange> latestOfEveryScope() {
                        return store.latestOfEveryScope();
                    }

                    @Override
                    public List<StrategyChange> after(long id) {
                        if (out[0]) {
                            throw new StoreUnavailable();
                        }
                        return store.after(id);
                    }

                    @Override
                    public List<StrategyChange> history(Optional<TenantId> scope, int limit) {
                        return store.history(scope, limit);
                    }

                    @Override
                    public Optional<StrategyChange> append(StrategyChange change) {
                        return store.append(change);
                    }
                };
        StrategyAssignments node = new StrategyAssignments(failing, MIXED, Duration.ofMillis(50));
        assertEquals(LEXICAL, node.forTenant(ACME).configuration());
        out[0] = true;
        Thread.sleep(60);
        assertEquals(LEXICAL, node.forTenant(ACME).configuration(), "the copy serves on");
    }
}
