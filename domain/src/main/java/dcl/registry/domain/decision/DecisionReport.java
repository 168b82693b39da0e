package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.slo.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a tenant's decisions over a period add up to: totals, who answered, which ranking models
 * weighed the answers, fallbacks, latency, adherence per configuration, a timeline and the
 * violations. Built by adding decisions one by one ({@link #add}), so a period of any size is
 * summed in bounded memory.
 */
public final class DecisionReport {
    /** The violations listed one by one; beyond that they are counted. */
    public static final int VIOLATIONS_LISTED = 100;

    private static final int MOST_BUCKETS = 48;
    private static final List<Duration> BUCKET_WIDTHS =
            List.of(
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Duration.ofHours(1),
                    Duration.ofHours(3),
                    Duration.ofHours(6),
                    Duration.ofDays(1),
                    Duration.ofDays(7));

    private final Instant from;
    private final Instant to;
    private final Duration bucketWidth;
    private final TimelineBucket[] timeline;
    private final Map<String, Long> answered = new TreeMap<>();
    private final Map<String, Long> rankingModels = new TreeMap<>();
    private final Map<String, Long> fallbacks = new TreeMap<>();
    private final Map<Long, ConfigurationUse> configurations = new TreeMap<>();
    private final List<Decision> violations = new ArrayList<>();
    private LatencyHistogram latency = LatencyHistogram.empty();
    private long total;
    private long violated;
    private long withFallbacks;

    public DecisionReport(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report's period must not be empty");
        }
        this.from = from;
        this.to = to;
        Duration period = Duration.between(from, to);
        this.bucketWidth =
                BUCKET_WIDTHS.stream()
                        .filter(w -> period.dividedBy(w) < MOST_BUCKETS)
                        .findFirst()
                        .orElse(period.dividedBy(MOST_BUCKETS - 1));
        int buckets = (int) Math.max(1, ceilDiv(period, bucketWidth));
        this.timeline = new TimelineBucket[buckets];
        for (int i = 0; i < buckets; i++) {
            timeline[i] = new TimelineBucket(from.plus(bucketWidth.multipliedBy(i)));
        }
    }

    /** Adds a decision of the period (others are ignored). */
    public void add(Decision d) {
        if (d.at().isBefore(from) || !d.at().isBefore(to)) {
            return;
        }
        total++;
        answered.merge(d.strategyAnswered(), 1L, Long::sum);
        d.rankingModel().ifPresent(m -> rankingModels.merge(m, 1L, Long::sum));
        if (!d.fallbacks().isEmpty()) {
            withFallbacks++;
        }
        for (Fallback f : d.fallbacks()) {
            fallbacks.merge(f.strategy(), 1L, Long::sum);
        }
        latency = latency.plus(single(d.latency()));
        EffectiveConfiguration effective = d.configuration().effective();
        configurations
                .computeIfAbsent(effective.version(), v -> new ConfigurationUse(effective))
                .add(d);
        TimelineBucket bucket =
                timeline[(int) Duration.between(from, d.at()).dividedBy(bucketWidth)];
        bucket.add(d);
        if (d.violated()) {
            violated++;
            if (violations.size() < VIOLATIONS_LISTED) {
                violations.add(d);
            }
        }
    }

    private static LatencyHistogram single(Duration latency) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[LatencyHistogram.bucketOf(latency.toNanos())] = 1;
        return LatencyHistogram.of(counts);
    }

    private static long ceilDiv(Duration a, Duration b) {
        long whole = a.dividedBy(b);
        return b.multipliedBy(whole).equals(a) ? whole : whole + 1;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    public long total() {
        return total;
    }

    public long violated() {
        return violated;
    }

    public long withFallbacks() {
        return withFallbacks;
    }

    /** The share of decisions that kept to their configuration; 1 without decisions. */
    public double adherence() {
        return total == 0 ? 1 : (double) (total - violated) / total;
    }

    /** Decisions per strategy that answered. */
    public Map<String, Long> answered() {
        return Collections.unmodifiableMap(answered);
    }

    /** Decisions per version of the ranking model that weighed their answer. */
    public Map<String, Long> rankingModels() {
        return Collections.unmodifiableMap(rankingModels);
    }

    /** Fallbacks per strategy that could not answer. */
    public Map<String, Long> fallbacks() {
        return Collections.unmodifiableMap(fallbacks);
    }

    public LatencyHistogram latency() {
        return latency;
    }

    /** Each configuration the decisions followed, by version, with its adherence. */
    public List<ConfigurationUse> configurations() {
        return List.copyOf(configurations.values());
    }

    public Duration bucketWidth() {
        return bucketWidth;
    }

    public List<TimelineBucket> timeline() {
        return List.of(timeline);
    }

    /** The first {@link #VIOLATIONS_LISTED} violations of the period, oldest first. */
    public List<Decision> violations() {
        return List.copyOf(violations);
    }

    /** Decisions under one configuration version. */
    public static final class ConfigurationUse {
        private final EffectiveConfiguration configuration;
        private long decisions;
        private long violated;

        ConfigurationUse(EffectiveConfiguration configuration) {
            this.configuration = configuration;
        }

        void add(Decision d) {
            decisions++;
            if (d.violated()) {
                violated++;
            }
        }

        public EffectiveConfiguration configuration() {
            return configuration;
        }

        public long decisions() {
            return decisions;
        }

        public long violated() {
            return violated;
        }

        public double adherence() {
            return decisions == 0 ? 1 : (double) (decisions - violated) / decisions;
        }
    }

    /** One slice of the timeline: decisions per answering strategy, fallbacks, violations. */
    public static final class TimelineBucket {
        private final Instant start;
        private final Map<String, Long> answered = new TreeMap<>();
        private long fallbacks;
        private long violated;

        TimelineBucket(Instant start) {
            this.start = start;
        }

        void add(Decision d) {
            answered.merge(d.strategyAnswered(), 1L, Long::sum);
            fallbacks += d.fallbacks().size();
            if (d.violated()) {
                violated++;
            }
        }

        public Instant start() {
            return start;
        }

        public Map<String, Long> answered() {
            return Collections.unmodifiableMap(answered);
        }

        public long total() {
            return answered.values().stream().mapToLong(Long::longValue).sum();
        }

        public long fallbacks() {
            return fallbacks;
        }

        public long violated() {
            return violated;
        }
    }
}
