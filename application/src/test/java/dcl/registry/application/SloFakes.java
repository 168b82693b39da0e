package dcl.registry.application;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.RolloutNotifications;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.slo.LatencyHistogram;
import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** In-memory stand-ins for the SLO and rollout-plan ports, for unit tests without a database. */
final class SloFakes {
    private SloFakes() {}

    static SloCounts reads(long reads, long failed) {
        return new SloCounts(reads, failed, 0, 0, LatencyHistogram.empty(), 0, 0, 0, 0);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Shared buckets summed over nodes, per tenant; can be down, or fail on one particular add. */
    static final class Buckets implements SloBuckets {
        final TreeMap<Instant, Map<String, SloCounts>> byStart = new TreeMap<>();
        final List<String> nodes = new ArrayList<>();
        boolean down;
        int failOnAddCall;
        int addCalls;

        @Override
        public void add(String node, Instant bucketStart, String tenant, SloCounts counts) {
            addCalls++;
            if (down || addCalls == failOnAddCall) {
                throw new StoreUnavailable();
            }
            nodes.add(node);
            byStart.computeIfAbsent(bucketStart, b -> new HashMap<>())
                    .merge(tenant, counts, SloCounts::plus);
        }

        @Override
        public TenantSloCounts since(Instant from) {
            if (down) {
                throw new StoreUnavailable();
            }
            Map<String, SloCounts> byTenant = new HashMap<>();
            byStart.tailMap(from, true)
                    .values()
                    .forEach(
                            tenants ->
                                    tenants.forEach(
                                            (t, c) -> byTenant.merge(t, c, SloCounts::plus)));
            return new TenantSloCounts(byTenant);
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            if (down) {
                throw new StoreUnavailable();
            }
            Map<Instant, Map<String, SloCounts>> old = byStart.headMap(cutoff, false);
            int gone = old.size();
            old.clear();
            return gone;
        }

        /** Every tenant's counts of the bucket. */
        SloCounts at(Instant bucketStart) {
            return byStart.getOrDefault(bucketStart, Map.of()).values().stream()
                    .reduce(SloCounts.none(), SloCounts::plus);
        }

        SloCounts at(Instant bucketStart, String tenant) {
            return byStart.getOrDefault(bucketStart, Map.of())
                    .getOrDefault(tenant, SloCounts.none());
        }
    }

    /** The plan's stages; appends only the stage that follows the newest (id = max + 1). */
    static final class Plans implements RolloutPlans {
        final List<RolloutStage> stages = new ArrayList<>();
        boolean down;
        boolean forbidden;
        int reads;

        /** Appended by "another node" just before the next append, which then loses the race. */
        Optional<RolloutStage> rival = Optional.empty();

        /** Another node marks the stage halted first: markHalted answers false. */
        boolean haltedElsewhere;

        private void reachable() {
            if (forbidden) {
                throw new AssertionError("the plan was read, but nothing here needs it");
            }
            if (down) {
                throw new StoreUnavailable();
            }
        }

        @Override
        public Optional<RolloutStage> current() {
            reachable();
            reads++;
            return stages.stream().max(Comparator.comparingLong(RolloutStage::id));
        }

        @Override
        public boolean append(RolloutStage next) {
            reachable();
            rival.ifPresent(stages::add);
            rival = Optional.empty();
            long max = stages.stream().mapToLong(RolloutStage::id).max().orElse(0);
            if (next.id() != max + 1) {
                return false;
            }
            stages.add(next);
            return true;
        }

        @Override
        public boolean markHalted(long stageId, Instant at) {
            reachable();
            if (haltedElsewhere) {
                return false;
            }
            RolloutStage newest = stages.get(stages.size() - 1);
            if (newest.id() != stageId || newest.haltedAt().isPresent()) {
                return false;
            }
            stages.set(
                    stages.size() - 1,
                    new RolloutStage(
                            newest.id(),
                            newest.percent(),
                            newest.previousPercent(),
                            newest.change(),
                            newest.reason(),
                            newest.decidedAt(),
                            newest.decidedBy(),
                            newest.owner(),
                            newest.baseline(),
                            Optional.of(at)));
            return true;
        }

        RolloutStage newest() {
            return stages.get(stages.size() - 1);
        }
    }

    /** Tenants' settings by id. */
    static final class Tenants implements RolloutStore {
        final Map<TenantId, RolloutSettings> settings =
                new TreeMap<>(Comparator.comparing(TenantId::value));
        boolean down;

        @Override
        public Optional<RolloutSettings> find(TenantId tenant) {
            if (down) {
                throw new StoreUnavailable();
            }
            return Optional.ofNullable(settings.get(tenant));
        }

        @Override
        public void save(RolloutSettings s) {
            if (down) {
                throw new StoreUnavailable();
            }
            settings.put(s.tenant(), s);
        }

        /** Another node or an admin changes the settings just before the next replace. */
        Optional<RolloutSettings> rival = Optional.empty();

        @Override
        public boolean replace(RolloutSettings current, RolloutSettings next) {
            rival.ifPresent(this::save);
            rival = Optional.empty();
            if (!current.equals(find(current.tenant()).orElse(null))) {
                return false;
            }
            save(next);
            return true;
        }

        @Override
        public Page<RolloutSettings> followingPlan(PageRequest page) {
            return new Page<>(
                    settings.values().stream().filter(RolloutSettings::followsPlan).toList(),
                    Optional.empty());
        }

        @Override
        public long countFollowingPlan() {
            return settings.values().stream().filter(RolloutSettings::followsPlan).count();
        }

        final List<Hold> holds = new ArrayList<>();

        @Override
        public void recordHold(TenantId tenant, Instant at) {
            holds.add(new Hold(tenant, at));
        }

        @Override
        public long countHeldSince(Instant since) {
            if (down) {
                throw new StoreUnavailable();
            }
            return holds.stream()
                    .filter(h -> !h.at().isBefore(since))
                    .map(Hold::tenant)
                    .distinct()
                    .count();
        }
    }

    record Hold(TenantId tenant, Instant at) {}

    record SettingChange(
            TenantId tenant,
            Actor actor,
            Instant at,
            String setting,
            String before,
            String after,
            Optional<String> reason) {}

    static final class Audit implements AuditTrail {
        final List<SettingChange> settings = new ArrayList<>();

        @Override
        public void record(MappingChange change) {
            throw new UnsupportedOperationException("no mapping changes here");
        }

        @Override
        public void recordSetting(
                TenantId tenant,
                Actor actor,
                Instant at,
                String setting,
                String before,
                String after,
                Optional<String> reason) {
            settings.add(new SettingChange(tenant, actor, at, setting, before, after, reason));
        }
    }

    record StageEvent(String event, RolloutStage stage, String reason) {}

    record HeldEvent(RolloutSettings held, String reason, Optional<TenantId> planOwner) {}

    static final class Notifications implements RolloutNotifications {
        final List<StageEvent> events = new ArrayList<>();
        final List<HeldEvent> held = new ArrayList<>();

        @Override
        public void stageEvent(String event, RolloutStage stage, String reason) {
            events.add(new StageEvent(event, stage, reason));
        }

        /** A tenant whose hold cannot be told (its webhook store fails). */
        Optional<TenantId> failFor = Optional.empty();

        @Override
        public void tenantHeld(RolloutSettings settings, String reason, Optional<TenantId> owner) {
            if (failFor.equals(Optional.of(settings.tenant()))) {
                throw new IllegalStateException("webhooks of " + settings.tenant() + " unreadable");
            }
            held.add(new HeldEvent(settings, reason, owner));
        }

        long count(String event) {
            return events.stream().filter(e -> e.event().equals(event)).count();
        }
    }

    /** Runs the work; when it fails, the given tenants' settings and holds are as before it. */
    static final class Transactions implements TransactionBoundary {
        private final List<Tenants> undone;

        Transactions(Tenants... undone) {
            this.undone = List.of(undone);
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            List<Map<TenantId, RolloutSettings>> settings =
                    undone.stream().map(t -> Map.copyOf(t.settings)).toList();
            List<List<Hold>> holds = undone.stream().map(t -> List.copyOf(t.holds)).toList();
            try {
                return work.get();
            } catch (RuntimeException failed) {
                for (int i = 0; i < undone.size(); i++) {
                    undone.get(i).settings.clear();
                    undone.get(i).settings.putAll(settings.get(i));
                    undone.get(i).holds.clear();
                    undone.get(i).holds.addAll(holds.get(i));
                }
                throw failed;
            }
        }
    }
}
