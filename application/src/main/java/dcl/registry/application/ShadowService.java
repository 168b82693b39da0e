package dcl.registry.application;

import dcl.registry.domain.decision.EquivalenceGate;
import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.decision.ShadowTally;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalContext;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.TenantShare;
import dcl.registry.domain.port.in.ShadowUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.ShadowStore;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shadow mode: a candidate configuration runs beside the serving one on a sample of the tenant's
 * live proposals, on a background executor after the proposal is answered, so the caller waits for
 * nothing. Its answers are compared and counted, never stored as proposals, never queued for a
 * reviewer. A node starts at most {@code maxPerSecond} comparisons per tenant and runs at most
 * {@code maxInFlight} at once, so the candidate's CPU cannot crowd out the callers'; one tenant
 * holds at most half of them (a slow candidate of one tenant cannot starve another's shadow).
 * Beyond that a comparison is skipped and counted (per node), not queued without bound.
 */
public class ShadowService implements ShadowUseCase {
    static final String SETTING = "intelligence-shadow";
    private static final Logger LOG = Logger.getLogger(ShadowService.class.getName());
    private static final int EXAMPLES = 10;

    private final ShadowStore store;
    private final StrategyAssignments assignments;
    private final StrategyCatalog catalog;
    private final EquivalenceGate gate;
    private final Executor background;
    private final Semaphore inFlight;
    private final TenantShare share;
    private final long nanosBetween;
    private final Map<TenantId, AtomicLong> nextAllowed = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;
    private final Duration refresh;
    private final Map<TenantId, Held> held = new ConcurrentHashMap<>();
    private final Map<TenantId, LongAdder> skipped = new ConcurrentHashMap<>();

    /** A tenant's shadow settings as this node read them. */
    private record Held(Optional<ShadowSettings> settings, long readAt) {}

    public ShadowService(
            ShadowStore store,
            StrategyAssignments assignments,
            StrategyCatalog catalog,
            EquivalenceGate gate,
            Executor background,
            int maxInFlight,
            double maxPerSecond,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            Duration refresh) {
        this.store = store;
        this.assignments = assignments;
        this.catalog = catalog;
        this.gate = gate;
        this.background = background;
        this.inFlight = new Semaphore(maxInFlight);
        this.share = TenantShare.halfOf(maxInFlight);
        this.nanosBetween = (long) (1e9 / maxPerSecond);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Compares the candidate with {@code served} (made under configuration version {@code
     * servingVersion}) later, when the tenant's sample takes it.
     */
    public void consider(ProposalContext context, MappingProposal served, long servingVersion) {
        Optional<ShadowSettings> shadow;
        try {
            shadow = settingsOf(context.tenant());
        } catch (RuntimeException unreadable) {
            // the caller's proposal is stored and answered: a shadow that cannot be read costs it
            // nothing, and is said, not hidden
            LOG.log(
                    Level.WARNING,
                    "Shadow settings of tenant "
                            + context.tenant().value()
                            + " could not be read; the proposal was not compared",
                    unreadable);
            skip(context.tenant());
            return;
        }
        if (shadow.isEmpty() || ThreadLocalRandom.current().nextDouble() >= shadow.get().sample()) {
            return;
        }
        TenantId tenant = context.tenant();
        if (!acquireSlot(tenant)) {
            skip(tenant);
            return;
        }
        if (!withinRate(tenant)) {
            releaseSlot(tenant);
            skip(tenant);
            return;
        }
        try {
            background.execute(
                    () -> {
                        try {
                            compare(shadow.get(), context, served, servingVersion);
                        } finally {
                            releaseSlot(tenant);
                        }
                    });
        } catch (RejectedExecutionException full) {
            releaseSlot(tenant);
            skip(tenant);
        }
    }

    /** One of the node's comparison slots, if the tenant holds fewer than its share. */
    private boolean acquireSlot(TenantId tenant) {
        if (!share.tryEnter(tenant)) {
            return false;
        }
        if (!inFlight.tryAcquire()) {
            share.leave(tenant);
            return false;
        }
        return true;
    }

    private void releaseSlot(TenantId tenant) {
        // the tenant's count first: a node's slot freed first could be refused to the same tenant
        share.leave(tenant);
        inFlight.release();
    }

    /**
     * Whether this node may start another comparison for the tenant now: at most {@code
     * maxPerSecond} per tenant, whatever its traffic and sample, so one tenant's shadow neither
     * takes the CPU from callers nor the comparisons from another tenant's shadow.
     */
    private boolean withinRate(TenantId tenant) {
        AtomicLong next = nextAllowed.computeIfAbsent(tenant, t -> new AtomicLong(Long.MIN_VALUE));
        long now = System.nanoTime();
        long due = next.get();
        return (due == Long.MIN_VALUE || now - due >= 0)
                && next.compareAndSet(due, now + nanosBetween);
    }

    private void skip(TenantId tenant) {
        skipped.computeIfAbsent(tenant, t -> new LongAdder()).increment();
    }

    private void compare(
            ShadowSettings shadow,
            ProposalContext context,
            MappingProposal served,
            long servingVersion) {
        String candidate = shadow.candidate().label();
        ShadowComparison comparison;
        try {
            StrategyAnswer answer = catalog.strategyFor(shadow.candidate()).propose(context);
            comparison =
                    ShadowComparison.of(
                            served.tenant(),
                            clock.instant(),
                            served.source(),
                            served.strategy(),
                            servingVersion,
                            served.best().target(),
                            candidate,
                            answer.candidates());
        } catch (StrategyUnavailable unavailable) {
            comparison =
                    new ShadowComparison(
                            served.tenant(),
                            clock.instant(),
                            served.source(),
                            served.strategy(),
                            servingVersion,
                            served.best().target(),
                            candidate,
                            List.of(),
                            Optional.of(unavailable.fallback().toString()));
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "Shadow comparison for " + served.source() + " failed", broken);
            return;
        }
        ShadowComparison made = comparison;
        try {
            transactions.inTransaction(
                    () -> {
                        store.compared(made);
                        return made;
                    });
        } catch (RuntimeException unstored) {
            LOG.log(
                    Level.WARNING,
                    "Shadow comparison for " + served.source() + " could not be stored",
                    unstored);
            skip(served.tenant());
        }
    }

    private Optional<ShadowSettings> settingsOf(TenantId tenant) {
        long now = System.nanoTime();
        Held h = held.get(tenant);
        if (h != null && now - h.readAt() < refresh.toNanos()) {
            return h.settings();
        }
        Optional<ShadowSettings> read = store.settings(tenant);
        held.put(tenant, new Held(read, now));
        return read;
    }

    @Override
    public ShadowSettings start(
            TenantId tenant, Actor actor, StrategyConfiguration candidate, double sample) {
        catalog.strategyFor(candidate); // a candidate this installation cannot run is refused now
        Instant now = clock.instant();
        ShadowSettings settings = new ShadowSettings(tenant, candidate, sample, now, actor);
        Optional<ShadowSettings> before = store.settings(tenant);
        transactions.inTransaction(
                () -> {
                    store.start(settings);
                    audit.recordSetting(
                            tenant,
                            actor,
                            now,
                            SETTING,
                            describe(before),
                            describe(Optional.of(settings)),
                            Optional.empty());
                    return settings;
                });
        held.put(tenant, new Held(Optional.of(settings), System.nanoTime()));
        skipped.remove(tenant);
        return settings;
    }

    @Override
    public boolean stop(TenantId tenant, Actor actor) {
        Optional<ShadowSettings> before = store.settings(tenant);
        boolean stopped =
                transactions.inTransaction(
                        () -> {
                            if (!store.stop(tenant)) {
                                return false;
                            }
                            audit.recordSetting(
                                    tenant,
                                    actor,
                                    clock.instant(),
                                    SETTING,
                                    describe(before),
                                    "off",
                                    Optional.empty());
                            return true;
                        });
        held.put(tenant, new Held(Optional.empty(), System.nanoTime()));
        return stopped;
    }

    @Override
    public Optional<ShadowView> view(TenantId tenant) {
        return store.settings(tenant).map(this::view);
    }

    private ShadowView view(ShadowSettings s) {
        long serving = assignments.forTenant(s.tenant()).version();
        ShadowTally tally = tally(s, serving);
        return new ShadowView(
                s,
                serving,
                tally,
                store.disagreements(s, serving, EXAMPLES),
                gate.threshold(),
                gate.minCompared(),
                gate.refusal(s.candidate(), Optional.of(s), tally));
    }

    /** Forgets comparisons older than {@code maxAge} and those no running shadow counts. */
    public long forgetOldComparisons(Duration maxAge) {
        long forgotten =
                transactions.inTransaction(() -> store.forgetBefore(clock.instant().minus(maxAge)));
        LOG.info(() -> "Shadow retention: " + forgotten + " comparisons forgotten");
        return forgotten;
    }

    /** Why {@code candidate} may not serve the tenant yet, or empty when its shadow showed it. */
    public Optional<String> refusal(TenantId tenant, StrategyConfiguration candidate) {
        Optional<ShadowSettings> shadow = store.settings(tenant);
        long serving = assignments.forTenant(tenant).version();
        ShadowTally tally =
                shadow.map(s -> tally(s, serving)).orElse(new ShadowTally(0, 0, 0, Map.of(), 0));
        return gate.refusal(candidate, shadow, tally);
    }

    private ShadowTally tally(ShadowSettings s, long servingVersion) {
        long compared = 0;
        long top1 = 0;
        long top3 = 0;
        Map<String, ShadowTally.Counts> byServing = new HashMap<>();
        for (ShadowStore.ServingCounts c : store.counts(s, servingVersion)) {
            compared += c.compared();
            top1 += c.agreedTop1();
            top3 += c.agreedTop3();
            byServing.put(
                    c.serving(),
                    new ShadowTally.Counts(c.compared(), c.agreedTop1(), c.agreedTop3()));
        }
        LongAdder skippedHere = skipped.get(s.tenant());
        return new ShadowTally(
                compared, top1, top3, byServing, skippedHere == null ? 0 : skippedHere.sum());
    }

    private static String describe(Optional<ShadowSettings> s) {
        return s.map(x -> "candidate=" + x.candidate().label() + ", sample=" + x.sample())
                .orElse("off");
    }
}
