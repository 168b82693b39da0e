package dcl.registry.application;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.TextRule;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LegacyMappingFolders;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants' rollout settings, and the fleet plan's stage that places the tenants following it. Each
 * node re-reads a tenant's settings, and the plan, when its copy is older than {@code staleAfter},
 * so a change made on any node is in force everywhere within that time. While the store cannot be
 * read, the last copy stays in force for up to {@code maxStale} more, visibly stale.
 */
public class RolloutService implements RolloutUseCase {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(RolloutService.class.getName());

    /** The audit trail's name for a tenant's rollout settings. */
    static final String SETTING = "rollout";

    private final RolloutStore store;
    private final RolloutPlans plans;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;
    private final JobPaths paths;
    private final LegacyMappingFolders legacy;
    private final Duration staleAfter;
    private final Duration maxStale;
    private final Map<TenantId, Copy> copies = new ConcurrentHashMap<>();
    private volatile PlanCopy plan;

    /**
     * How many refreshes failed since the store last answered: a hint that unconfirmed copies
     * exist.
     */
    private final AtomicInteger unconfirmed = new AtomicInteger();

    public RolloutService(
            RolloutStore store,
            RolloutPlans plans,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            JobPaths paths,
            LegacyMappingFolders legacy,
            Duration staleAfter,
            Duration maxStale) {
        this.store = store;
        this.plans = plans;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.paths = paths;
        this.legacy = legacy;
        this.staleAfter = staleAfter;
        this.maxStale = maxStale;
    }

    @Override
    public RolloutSettings current(TenantId tenant) {
        long now = System.nanoTime();
        Copy current =
                copies.compute(
                        tenant,
                        (t, copy) -> {
                            if (copy != null && now - copy.readAt() < staleAfter.toNanos()) {
                                return copy;
                            }
                            try {
                                return new Copy(
                                        store.find(t).orElse(RolloutSettings.initial(t)),
                                        now,
                                        false);
                            } catch (StoreUnavailable outage) {
                                // The runtime's hot path must not depend on the database: the last
                                // settings read stay in
                                // force for a bounded time, and say so (staleness), rather than
                                // every lookup failing.
                                if (copy != null
                                        && now - copy.readAt()
                                                < staleAfter.plus(maxStale).toNanos()) {
                                    unconfirmed.incrementAndGet();
                                    return new Copy(copy.settings(), copy.readAt(), true);
                                }
                                throw outage;
                            }
                        });
        if (current.readAt() == now && unconfirmed.get() > 0) {
            // the store answers again: settings held unconfirmed are dropped, to be read afresh
            // when next needed
            copies.values().removeIf(Copy::unconfirmed);
            unconfirmed.set(0);
        }
        return placed(current.settings());
    }

    /** Only a tenant that follows the plan needs the plan (and waits on it when it is unknown). */
    private RolloutSettings placed(RolloutSettings settings) {
        return settings.followsPlan() ? settings.following(stageInForce()) : settings;
    }

    /**
     * The plan's stage this node serves by: re-read when older than {@code staleAfter}; during an
     * outage the last one read stays in force for up to {@code maxStale} more.
     */
    public Optional<RolloutStage> stageInForce() {
        long now = System.nanoTime();
        PlanCopy copy = plan;
        if (copy != null && now - copy.readAt() < staleAfter.toNanos()) {
            return copy.stage();
        }
        try {
            stageRead(plans.current(), now);
        } catch (StoreUnavailable outage) {
            if (copy == null || now - copy.readAt() >= staleAfter.plus(maxStale).toNanos()) {
                throw outage;
            }
        }
        return plan.stage();
    }

    /** Puts a stage in force on this node at once (the one this node just stored). */
    public void stageRead(Optional<RolloutStage> stage, long readAt) {
        PlanCopy before = plan;
        plan = new PlanCopy(stage, readAt);
        int was = before == null ? -1 : before.stage().map(RolloutStage::percent).orElse(0);
        int now = stage.map(RolloutStage::percent).orElse(0);
        if (before != null && was != now) {
            // each node says when it switches, so a rollback's timeline can be read from the logs
            LOG.info(
                    () ->
                            "Rollout plan in force on this node: "
                                    + now
                                    + " % of plan-following tenants on the registry (was "
                                    + was
                                    + " %), stage "
                                    + stage.map(RolloutStage::id).orElse(0L)
                                    + " ("
                                    + stage.map(s -> s.change().wireName()).orElse("none")
                                    + ")");
        }
    }

    @Override
    public Optional<Duration> staleness(TenantId tenant) {
        return Optional.ofNullable(copies.get(tenant)).flatMap(this::staleness);
    }

    /**
     * The longest any tenant's settings held on this node have gone unconfirmed and may still be
     * served (zero when none): they stop counting once the store answers again or once past {@code
     * maxStale}.
     */
    public Duration oldestStaleness() {
        return copies.values().stream()
                .map(this::staleness)
                .flatMap(Optional::stream)
                .filter(age -> age.compareTo(staleAfter.plus(maxStale)) < 0)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private Optional<Duration> staleness(Copy copy) {
        return copy.unconfirmed()
                ? Optional.of(Duration.ofNanos(System.nanoTime() - copy.readAt()))
                : Optional.empty();
    }

    @Override
    public RolloutSettings change(
            TenantId tenant,
            Actor actor,
            SourceOfTruth sourceOfTruth,
            Optional<String> legacyPath,
            boolean dualRead,
            Optional<String> reason) {
        legacyPath.ifPresent(
                path -> TextRule.NAME.require("legacyPath", path, RolloutSettings.MAX_LEGACY_PATH));
        Optional<String> why = FreeText.optional("reason", reason);
        RolloutSettings next =
                new RolloutSettings(
                        tenant,
                        sourceOfTruth,
                        legacyPath.filter(p -> !p.isBlank()),
                        dualRead,
                        Optional.of(clock.instant()),
                        Optional.of(actor.subject()));
        next.legacyPath()
                .ifPresent(
                        path -> {
                            try {
                                if (legacy.size(paths.forTenant(tenant, "legacyPath", path)) == 0) {
                                    throw new InvalidInput(
                                            "legacyPath", "holds no readable legacy mapping");
                                }
                            } catch (IllegalArgumentException notAFolder) {
                                // said without the server's absolute path, which is none of the
                                // caller's business
                                throw new InvalidInput(
                                        "legacyPath",
                                        "is not a folder of legacy YAML files in "
                                                + JobPaths.TENANT_FOLDER_NAME);
                            }
                        });
        RolloutSettings saved =
                transactions.inTransaction(
                        () -> {
                            RolloutSettings before =
                                    store.find(tenant).orElse(RolloutSettings.initial(tenant));
                            store.save(next);
                            audit.recordSetting(
                                    tenant,
                                    actor,
                                    next.updatedAt().orElseThrow(),
                                    SETTING,
                                    describe(before),
                                    describe(next),
                                    why);
                            return next;
                        });
        saved(saved);
        return placed(saved);
    }

    /** Puts settings just stored in force on this node at once. */
    void saved(RolloutSettings settings) {
        copies.put(settings.tenant(), new Copy(settings, System.nanoTime(), false));
    }

    static String describe(RolloutSettings s) {
        return "sourceOfTruth="
                + s.sourceOfTruth().wireName()
                + ", legacyPath="
                + s.legacyPath().orElse("-")
                + ", dualRead="
                + s.dualRead();
    }

    /** The plan's newest stage as read at {@code readAt} (nanoTime). */
    private record PlanCopy(Optional<RolloutStage> stage, long readAt) {}

    /** Settings as read at {@code readAt}; {@code unconfirmed} once a refresh has failed. */
    private record Copy(RolloutSettings settings, long readAt, boolean unconfirmed) {}
}
