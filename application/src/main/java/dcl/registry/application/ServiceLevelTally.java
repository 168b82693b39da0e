package dcl.registry.application;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordServiceLevelsUseCase;
import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.slo.LatencyHistogram;
import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * This node's SLO counts, kept per time bucket in memory and added to the shared buckets by {@link
 * #flush}. While the store is out the counts wait here (the outage is what they must show), up to
 * the window: older ones could no longer change a judgement, and their loss is logged.
 */
public class ServiceLevelTally implements RecordServiceLevelsUseCase {
    private static final Logger LOG = Logger.getLogger(ServiceLevelTally.class.getName());

    private final String node;
    private final Clock clock;
    private final long bucketMillis;
    private final long latencyThresholdNanos;
    private final Duration window;

    /** Per bucket, per tenant ({@link TenantSloCounts#NO_TENANT} for reads of none). */
    private Map<Long, Map<String, Counting>> pending = new HashMap<>();

    private Map<TenantId, RolloutSettings> mismatched = new LinkedHashMap<>();

    /**
     * @param node this node's name in the shared buckets (unique per process)
     */
    public ServiceLevelTally(
            String node, Clock clock, Duration bucket, Duration latencyThreshold, Duration window) {
        this.node = node;
        this.clock = clock;
        this.bucketMillis = bucket.toMillis();
        this.latencyThresholdNanos = latencyThreshold.toNanos();
        this.window = window;
    }

    @Override
    public synchronized void readAnswered(
            Optional<TenantId> tenant, boolean lookup, boolean serverError, long nanos) {
        Counting c = current(tenant.map(TenantId::value).orElse(TenantSloCounts.NO_TENANT));
        c.reads++;
        if (serverError) {
            c.failedReads++;
        }
        if (lookup) {
            c.lookups++;
            if (nanos > latencyThresholdNanos) {
                c.slowLookups++;
            }
            c.latency[LatencyHistogram.bucketOf(nanos)]++;
        }
    }

    @Override
    public synchronized void cacheReads(TenantId tenant, long hits, long misses) {
        if (hits == 0 && misses == 0) {
            return; // an idle node writes no empty buckets
        }
        Counting c = current(tenant.value());
        c.cacheHits += hits;
        c.cacheMisses += misses;
    }

    @Override
    public synchronized void dualRead(RolloutSettings comparedUnder, boolean matched) {
        Counting c = current(comparedUnder.tenant().value());
        c.dualReads++;
        if (!matched) {
            c.dualReadMismatches++;
            mismatched.put(comparedUnder.tenant(), comparedUnder);
        }
    }

    /**
     * The settings under which each tenant's comparisons last mismatched since the last call, in
     * the order first seen.
     */
    public synchronized Collection<RolloutSettings> takeMismatched() {
        Map<TenantId, RolloutSettings> taken = mismatched;
        mismatched = new LinkedHashMap<>();
        return taken.values();
    }

    /** Mismatches that could not be acted on now, for the next round (newer ones kept). */
    public synchronized void putBackMismatched(Collection<RolloutSettings> unheld) {
        unheld.forEach(s -> mismatched.putIfAbsent(s.tenant(), s));
    }

    /**
     * Adds what was counted since the last flush to the shared buckets; keeps it for the next flush
     * when the store cannot take it.
     *
     * @throws RuntimeException the store's failure, after the counts were put back
     */
    public void flush(SloBuckets buckets) {
        Map<Long, Map<String, Counting>> taken = take();
        Map<Long, Map<String, Counting>> unsent = new TreeMap<>();
        taken.forEach((bucket, tenants) -> unsent.put(bucket, new HashMap<>(tenants)));
        try {
            for (Map.Entry<Long, Map<String, Counting>> bucket : taken.entrySet()) {
                Instant start = Instant.ofEpochMilli(bucket.getKey() * bucketMillis);
                for (Map.Entry<String, Counting> tenant : bucket.getValue().entrySet()) {
                    buckets.add(node, start, tenant.getKey(), tenant.getValue().counts());
                    unsent.get(bucket.getKey()).remove(tenant.getKey());
                }
            }
        } catch (RuntimeException storeFailed) {
            putBack(unsent);
            throw storeFailed;
        }
    }

    private synchronized Map<Long, Map<String, Counting>> take() {
        Map<Long, Map<String, Counting>> taken = pending;
        pending = new HashMap<>();
        return taken;
    }

    private synchronized void putBack(Map<Long, Map<String, Counting>> unsent) {
        long oldest = (clock.instant().toEpochMilli() - window.toMillis()) / bucketMillis;
        long dropped = 0;
        for (Map.Entry<Long, Map<String, Counting>> bucket : unsent.entrySet()) {
            for (Map.Entry<String, Counting> tenant : bucket.getValue().entrySet()) {
                if (bucket.getKey() < oldest) {
                    dropped += tenant.getValue().reads;
                    continue;
                }
                pending.computeIfAbsent(bucket.getKey(), b -> new HashMap<>())
                        .merge(tenant.getKey(), tenant.getValue(), Counting::plus);
            }
        }
        if (dropped > 0) {
            LOG.warning(
                    "SLO counts of "
                            + dropped
                            + " reads older than the window were never stored (the store was"
                            + " out longer than the window); they no longer change a budget");
        }
    }

    /**
     * The bucket of now. Not {@code clock.millis()}: the wiring's microsecond tick clock divides by
     * zero there (JDK 17's TickClock.millis with a tick under a millisecond).
     */
    private Counting current(String tenant) {
        return pending.computeIfAbsent(
                        clock.instant().toEpochMilli() / bucketMillis, b -> new HashMap<>())
                .computeIfAbsent(tenant, t -> new Counting());
    }

    /** Counts of one bucket, mutable under the tally's lock. */
    private static final class Counting {
        long reads;
        long failedReads;
        long lookups;
        long slowLookups;
        final long[] latency = new long[LatencyHistogram.BUCKETS];
        long cacheHits;
        long cacheMisses;
        long dualReads;
        long dualReadMismatches;

        Counting plus(Counting o) {
            reads += o.reads;
            failedReads += o.failedReads;
            lookups += o.lookups;
            slowLookups += o.slowLookups;
            for (int i = 0; i < latency.length; i++) {
                latency[i] += o.latency[i];
            }
            cacheHits += o.cacheHits;
            cacheMisses += o.cacheMisses;
            dualReads += o.dualReads;
            dualReadMismatches += o.dualReadMismatches;
            return this;
        }

        SloCounts counts() {
            return new SloCounts(
                    reads,
                    failedReads,
                    lookups,
                    slowLookups,
                    LatencyHistogram.of(latency),
                    cacheHits,
                    cacheMisses,
                    dualReads,
                    dualReadMismatches);
        }
    }
}
