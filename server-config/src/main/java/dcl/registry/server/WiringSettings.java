package dcl.registry.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The wiring's timings and batch sizes, from MicroProfile Config (environment variable: the name in
 * upper case with '_' for '.' and '-'); durations in ISO-8601 ({@code PT10S}). Checked before the
 * application starts ({@link WiringSettingsCheck}): a nonsense value stops it, naming the property.
 * Listed with every other {@code dcl.*} property in docs/configuration.md.
 */
final class WiringSettings {
    static final String ROLLOUT_REFRESH = "dcl.rollout.refresh";
    static final String ROLLOUT_MAX_STALE = "dcl.rollout.max-stale";
    static final String LEGACY_REFRESH = "dcl.legacy.refresh";
    static final String CANONICAL_REFRESH = "dcl.canonical.refresh";
    static final String CHANGES_POLL = "dcl.changes.poll-interval";
    static final String INDEX_CATCH_UP = "dcl.semantic-index.catch-up-interval";
    static final String INDEX_CATCH_UP_BATCH = "dcl.semantic-index.catch-up-batch";
    static final String WEBHOOK_DELIVERY = "dcl.webhooks.delivery-interval";
    static final String WEBHOOK_DELIVERY_BATCH = "dcl.webhooks.delivery-batch";
    static final String LOOKUP_LOG_SAMPLE_RATE = "dcl.log.lookups.sample-rate";
    static final String LOOKUP_FAST_PATH = "dcl.lookup.fast-path";

    /** The largest batch a setting may ask for: one query's worth of rows. */
    static final int MAX_BATCH = 100_000;

    private final Function<String, Optional<String>> config;

    WiringSettings(Function<String, Optional<String>> config) {
        this.config = config;
    }

    /** The settings as MicroProfile Config has them. */
    static WiringSettings configured() {
        return new WiringSettings(
                name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    /** How old a node's copy of a tenant's rollout settings may get before it is read again. */
    Duration rolloutRefresh() {
        return positive(ROLLOUT_REFRESH, "PT10S");
    }

    /** How long the last rollout settings read stay in force while the database is out. */
    Duration rolloutMaxStale() {
        return notNegative(ROLLOUT_MAX_STALE, "PT30M");
    }

    /** How long a legacy YAML folder's entries are kept before it is read again. */
    Duration legacyRefresh() {
        return notNegative(LEGACY_REFRESH, "PT30S");
    }

    /** How long a tenant's canonical schema is kept before it is read again. */
    Duration canonicalRefresh() {
        return notNegative(CANONICAL_REFRESH, "PT5S");
    }

    /** How often a waiting change-feed request looks for new changes. */
    Duration changesPoll() {
        return positive(CHANGES_POLL, "PT0.2S");
    }

    /** How often the semantic index looks for mapping writes made on other nodes. */
    Duration semanticIndexCatchUp() {
        return positive(INDEX_CATCH_UP, "PT2S");
    }

    /** How many mapping writes the semantic index reads per query while catching up. */
    int semanticIndexCatchUpBatch() {
        return batch(INDEX_CATCH_UP_BATCH, 1_000);
    }

    /** How often due reviewer webhooks are sent. */
    Duration webhookDelivery() {
        return positive(WEBHOOK_DELIVERY, "PT1S");
    }

    /** How many due webhooks one round reads at a time. */
    int webhookDeliveryBatch() {
        return batch(WEBHOOK_DELIVERY_BATCH, 50);
    }

    /**
     * The share of lookups that get a log line of their own: 0.01 keeps a busy node's log to one
     * line in a hundred lookups.
     */
    double lookupLogSampleRate() {
        String text = config.apply(LOOKUP_LOG_SAMPLE_RATE).map(String::strip).orElse("0.01");
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the range
        }
        throw new IllegalArgumentException(
                LOOKUP_LOG_SAMPLE_RATE + "=" + text + " must be a number from 0 to 1");
    }

    /**
     * Whether cached lookups are answered before JAX-RS: only {@code true} or {@code false}, since
     * MicroProfile Config would read any other word as false and quietly slow every lookup.
     */
    boolean lookupFastPath() {
        String text = config.apply(LOOKUP_FAST_PATH).map(String::strip).orElse("true");
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(
                LOOKUP_FAST_PATH + "=" + text + " must be true or false");
    }

    /** Every broken setting, named; empty when all are fine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Supplier<?> setting :
                List.<Supplier<?>>of(
                        this::rolloutRefresh,
                        this::rolloutMaxStale,
                        this::legacyRefresh,
                        this::canonicalRefresh,
                        this::changesPoll,
                        this::semanticIndexCatchUp,
                        this::semanticIndexCatchUpBatch,
                        this::webhookDelivery,
                        this::webhookDeliveryBatch,
                        this::lookupLogSampleRate,
                        this::lookupFastPath)) {
            try {
                var unused = setting.get(); // reading is the check
            } catch (IllegalArgumentException invalid) {
                problems.add(invalid.getMessage());
            }
        }
        return problems;
    }

    private Duration positive(String name, String fallback) {
        Duration value = duration(name, fallback);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + "=" + value + " must be positive");
        }
        return value;
    }

    private Duration notNegative(String name, String fallback) {
        Duration value = duration(name, fallback);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + "=" + value + " must not be negative");
        }
        return value;
    }

    private Duration duration(String name, String fallback) {
        String text = config.apply(name).orElse(fallback).strip();
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException(
                    name + "=" + text + " is not an ISO-8601 duration such as " + fallback);
        }
    }

    private int batch(String name, int fallback) {
        String text = config.apply(name).map(String::strip).orElse(Integer.toString(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_BATCH) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the range
        }
        throw new IllegalArgumentException(
                name + "=" + text + " must be a whole number from 1 to " + MAX_BATCH);
    }
}
