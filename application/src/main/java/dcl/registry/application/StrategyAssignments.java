package dcl.registry.application;

import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.decision.StrategyResolution;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StrategyChanges;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's copy of the strategy configurations in force: every tenant's own and the fleet's
 * rollout. It reads what changed (on any node) when it is older than {@code refresh}, so a change
 * or a rollback made on one node is in force on every node within that time; during a store outage
 * the last copy stays in force (and each decision's check says when it was stale).
 */
public class StrategyAssignments {
    private static final Logger LOG = Logger.getLogger(StrategyAssignments.class.getName());

    private final StrategyChanges changes;
    private final StrategyConfiguration installation;
    private final Duration refresh;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Copy copy;

    private record Copy(
            Map<TenantId, StrategyChange> own,
            Optional<StrategyChange> rollout,
            long lastId,
            long readAt) {}

    public StrategyAssignments(
            StrategyChanges changes, StrategyConfiguration installation, Duration refresh) {
        this.changes = changes;
        this.installation = installation;
        this.refresh = refresh;
    }

    public StrategyConfiguration installation() {
        return installation;
    }

    /** The configuration the tenant's proposals follow on this node now. */
    public EffectiveConfiguration forTenant(TenantId tenant) {
        Copy c = current();
        return StrategyResolution.resolve(
                tenant, installation, Optional.ofNullable(c.own().get(tenant)), c.rollout());
    }

    /** The configuration the store says the tenant has now, read afresh. */
    public EffectiveConfiguration demanded(TenantId tenant) {
        StrategyChanges.InForce inForce = changes.inForce(tenant);
        return StrategyResolution.resolve(tenant, installation, inForce.own(), inForce.rollout());
    }

    /** Puts a change this node just stored in force here at once. */
    public void stored(StrategyChange change) {
        current();
        reading.lock();
        try {
            keep(change);
        } finally {
            reading.unlock();
        }
    }

    private void keep(StrategyChange change) {
        Copy c = copy;
        Map<TenantId, StrategyChange> own = new HashMap<>(c.own());
        Optional<StrategyChange> taken = take(own, c.rollout(), change);
        Optional<StrategyChange> rollout = taken.isPresent() ? taken : c.rollout();
        // the copy's lastId stays: changes other nodes appended before this one are still to read
        copy = new Copy(own, rollout, c.lastId(), c.readAt());
    }

    /**
     * The copy, read again when stale by one caller while the others go on with the copy they have:
     * no proposal waits on another's read. A read that fails keeps the copy for another refresh
     * (logged), so callers neither queue on a store that is out nor fail with it.
     */
    private Copy current() {
        Copy held = copy;
        long now = System.nanoTime();
        if (held != null && now - held.readAt() < refresh.toNanos()) {
            return held;
        }
        if (held != null && !reading.tryLock()) {
            return held;
        }
        if (held == null) {
            reading.lock(); // nothing to go on with yet: the first read is waited for
        }
        try {
            Copy latest = copy;
            if (latest != null && now - latest.readAt() < refresh.toNanos()) {
                return latest;
            }
            copy = latest == null ? load(now) : caughtUp(latest, now);
        } catch (RuntimeException unreadable) {
            if (copy == null) {
                throw unreadable;
            }
            LOG.log(
                    Level.WARNING,
                    "Strategy configurations could not be read again; this node keeps its copy",
                    unreadable);
            Copy kept = copy;
            copy = new Copy(kept.own(), kept.rollout(), kept.lastId(), now);
        } finally {
            reading.unlock();
        }
        return copy;
    }

    private Copy load(long now) {
        Map<TenantId, StrategyChange> own = new HashMap<>();
        Optional<StrategyChange> rollout = Optional.empty();
        long lastId = 0;
        for (StrategyChange change : changes.latestOfEveryScope()) {
            Optional<StrategyChange> taken = take(own, rollout, change);
            rollout = taken.isPresent() ? taken : rollout;
            lastId = Math.max(lastId, change.id());
        }
        return new Copy(own, rollout, lastId, now);
    }

    private Copy caughtUp(Copy c, long now) {
        Map<TenantId, StrategyChange> own = new HashMap<>(c.own());
        Optional<StrategyChange> rollout = c.rollout();
        long lastId = c.lastId();
        for (StrategyChange change : changes.after(c.lastId())) {
            if (isNews(own, rollout, change)) {
                logSwitch(change);
            }
            Optional<StrategyChange> taken = take(own, rollout, change);
            rollout = taken.isPresent() ? taken : rollout;
            lastId = Math.max(lastId, change.id());
        }
        return new Copy(own, rollout, lastId, now);
    }

    /**
     * Puts {@code change} in {@code own} when it is a tenant's newer one; answers the rollout to
     * hold when it is the fleet's newer one.
     */
    private static Optional<StrategyChange> take(
            Map<TenantId, StrategyChange> own,
            Optional<StrategyChange> rollout,
            StrategyChange change) {
        if (change.tenant().isPresent()) {
            own.merge(change.tenant().get(), change, StrategyAssignments::newer);
            return Optional.empty();
        }
        return rollout.isEmpty() || rollout.get().id() < change.id()
                ? Optional.of(change)
                : Optional.empty();
    }

    /** Whether this copy holds something older for the change's scope (or nothing at all). */
    private static boolean isNews(
            Map<TenantId, StrategyChange> own,
            Optional<StrategyChange> rollout,
            StrategyChange change) {
        Optional<StrategyChange> held =
                change.tenant().isPresent()
                        ? Optional.ofNullable(own.get(change.tenant().get()))
                        : rollout;
        return held.map(h -> h.id() < change.id()).orElse(true);
    }

    /** Each node says when a change reaches it, so a rollback's timeline reads from the logs. */
    private static void logSwitch(StrategyChange change) {
        LOG.info(
                () ->
                        "Strategy configuration in force on this node: "
                                + change.tenant().map(t -> "tenant " + t.value()).orElse("rollout")
                                + " -> "
                                + change.describe()
                                + " (version "
                                + change.id()
                                + ", "
                                + change.kind().wireName()
                                + ")");
    }

    private static StrategyChange newer(StrategyChange a, StrategyChange b) {
        return a.id() >= b.id() ? a : b;
    }
}
