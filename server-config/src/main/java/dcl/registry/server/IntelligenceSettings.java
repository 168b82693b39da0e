package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.LocalEmbeddingModel;
import dcl.registry.adapters.llm.gemini.GeminiSettings;
import dcl.registry.domain.decision.EquivalenceGate;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.ConfidenceWeights;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.intelligence.StrategySettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The intelligence settings from MicroProfile Config, checked before the application starts: a
 * wrong value is a deployment problem naming the property and what is allowed, so the service never
 * starts on a configuration it would have to second-guess.
 */
public class IntelligenceSettings implements Extension {
    static final String WEIGHT = "dcl.confidence.weight.";
    static final String CONFIGURATION_REFRESH_MS = "dcl.intelligence.configuration.refresh-ms";
    static final String SHADOW_RATE = "dcl.intelligence.shadow.max-per-second";
    static final String ABSTAIN_BELOW = "dcl.intelligence.learned.abstain-below";

    void validate(@Observes AfterDeploymentValidation validation) {
        List<String> problems = new ArrayList<>();
        check(problems, IntelligenceSettings::weights);
        check(problems, IntelligenceSettings::equivalenceGate);
        check(problems, IntelligenceSettings::configurationRefresh);
        check(problems, IntelligenceSettings::shadowRate);
        check(problems, IntelligenceSettings::abstainBelow);
        check(problems, IntelligenceSettings::embeddingModel);
        Optional<StrategySettings> strategy = check(problems, IntelligenceSettings::strategy);
        Optional<GeminiSettings> gemini = check(problems, IntelligenceSettings::gemini);
        if (strategy.isPresent()
                && gemini.isPresent()
                && strategy.get().strategy() == StrategyName.LLM
                && !gemini.get().configured()) {
            problems.add(
                    GeminiSettings.API_KEY
                            + " is required when "
                            + StrategySettings.STRATEGY
                            + "=llm (or choose one of "
                            + StrategyName.allowed()
                            + ")");
        }
        problems.forEach(p -> validation.addDeploymentProblem(invalid(p)));
    }

    /** A problem as the deployment reports it. */
    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid configuration: " + problem);
    }

    /** Reads a setting, adding what is wrong with it to {@code problems} instead of throwing. */
    static <T> Optional<T> check(List<String> problems, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (InvalidInput invalid) {
            invalid.violations().forEach(v -> problems.add(v.field() + " " + v.message()));
        } catch (IllegalArgumentException unreadable) {
            problems.add(unreadable.getMessage());
        }
        return Optional.empty();
    }

    /** The confidence weights: the seed's (0.2, 0.15, 0.3, 0.25, 0.1) unless configured. */
    static ConfidenceWeights weights() {
        ConfidenceWeights seed = ConfidenceWeights.SEED;
        List<Double> values =
                List.of(
                        number(WEIGHT + "source-quality", seed.sourceQuality()),
                        number(WEIGHT + "usage-frequency", seed.usageFrequency()),
                        number(WEIGHT + "validation-success", seed.validationSuccess()),
                        number(WEIGHT + "human-approval", seed.humanApproval()),
                        number(WEIGHT + "rag-similarity", seed.ragSimilarity()));
        return new ConfidenceWeights(
                values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }

    /**
     * The probability below which {@code learned} answers "no confident proposal" (0.5: abstain
     * when a proposal is more likely wrong than right).
     */
    static double abstainBelow() {
        double below = number(ABSTAIN_BELOW, 0.5);
        if (!(below >= 0 && below < 1)) {
            throw new IllegalArgumentException(
                    ABSTAIN_BELOW + " must be a probability in [0, 1), was " + below);
        }
        return below;
    }

    /**
     * The proposal strategy ({@code learned} unless configured: the best measured on data it was
     * not built on, docs/intelligence.md) and its thresholds.
     */
    static StrategySettings strategy() {
        Config config = ConfigProvider.getConfig();
        String name =
                config.getOptionalValue(StrategySettings.STRATEGY, String.class)
                        .orElse(StrategyName.LEARNED.label());
        StrategyName strategy =
                StrategyName.parse(name)
                        .orElseThrow(
                                () ->
                                        notOneOf(
                                                StrategySettings.STRATEGY,
                                                name,
                                                "a strategy",
                                                StrategyName.allowed()));
        return new StrategySettings(
                strategy,
                number(
                        StrategySettings.LOOKUP_THRESHOLD,
                        StrategySettings.DEFAULT_LOOKUP_THRESHOLD),
                number(
                        StrategySettings.MIXED_RAG_THRESHOLD,
                        StrategySettings.DEFAULT_MIXED_RAG_THRESHOLD));
    }

    /**
     * The local embedding model: {@link LocalEmbeddingModel#DEFAULT} unless {@value
     * LocalEmbeddingModel#PROPERTY} names another. A change means new vectors: they are stored
     * under the model's name, so the index embeds every mapping again rather than compare two
     * models.
     */
    static LocalEmbeddingModel embeddingModel() {
        return embeddingModel(
                ConfigProvider.getConfig()
                        .getOptionalValue(LocalEmbeddingModel.PROPERTY, String.class));
    }

    static LocalEmbeddingModel embeddingModel(Optional<String> configured) {
        String name = configured.orElse(LocalEmbeddingModel.DEFAULT.label());
        return LocalEmbeddingModel.parse(name)
                .orElseThrow(
                        () ->
                                notOneOf(
                                        LocalEmbeddingModel.PROPERTY,
                                        name,
                                        "an embedding model",
                                        LocalEmbeddingModel.allowed()));
    }

    /** A configured name that is none of the allowed ones, said with the ones that are. */
    private static IllegalArgumentException notOneOf(
            String property, String name, String what, String allowed) {
        return new IllegalArgumentException(
                property + "=" + name + " is not " + what + "; allowed: " + allowed);
    }

    /** The shadow's gate before a candidate may serve: 95 % top-1 agreement on 50 proposals. */
    static EquivalenceGate equivalenceGate() {
        return new EquivalenceGate(
                number(EquivalenceGate.THRESHOLD, 0.95),
                (long) number(EquivalenceGate.MIN_COMPARED, 50));
    }

    /**
     * How many shadow comparisons a node starts per second at most (20): the bound on the CPU a
     * shadow takes from the callers, whatever the sample and the traffic.
     */
    static double shadowRate() {
        double perSecond = number(SHADOW_RATE, 20);
        if (!(perSecond >= 0.1 && perSecond <= 10_000)) {
            throw new IllegalArgumentException(
                    SHADOW_RATE
                            + " must be from 0.1 to 10000 comparisons a second, was "
                            + perSecond);
        }
        return perSecond;
    }

    /**
     * How old a node's copy of the strategy configurations (and shadow settings) may grow before it
     * is read again: the bound on how long a change or rollback made on another node takes here.
     */
    static Duration configurationRefresh() {
        double millis = number(CONFIGURATION_REFRESH_MS, 2000);
        if (!(millis >= 100 && millis <= 10_000)) {
            throw new IllegalArgumentException(
                    CONFIGURATION_REFRESH_MS
                            + " must be from 100 to 10000 (a rollback must reach every node within"
                            + " 10 s), was "
                            + millis);
        }
        return Duration.ofMillis((long) millis);
    }

    /** Gemini: configured when an API key is set. */
    static GeminiSettings gemini() {
        Config config = ConfigProvider.getConfig();
        String url =
                config.getOptionalValue(GeminiSettings.BASE_URL, String.class)
                        .orElse(GeminiSettings.DEFAULT_BASE_URL);
        URI baseUrl;
        try {
            baseUrl = URI.create(url.trim());
        } catch (IllegalArgumentException notAUrl) {
            throw new IllegalArgumentException(
                    GeminiSettings.BASE_URL
                            + " must be an http(s) URL such as "
                            + GeminiSettings.DEFAULT_BASE_URL);
        }
        return new GeminiSettings(
                config.getOptionalValue(GeminiSettings.API_KEY, String.class),
                config.getOptionalValue(GeminiSettings.MODEL, String.class)
                        .orElse(GeminiSettings.DEFAULT_MODEL),
                baseUrl,
                Duration.ofMillis(
                        (long)
                                number(
                                        GeminiSettings.TIMEOUT_MS,
                                        GeminiSettings.DEFAULT_TIMEOUT_MS)));
    }

    private static double number(String property, double otherwise) {
        Optional<String> text = ConfigProvider.getConfig().getOptionalValue(property, String.class);
        try {
            return text.map(t -> Double.parseDouble(t.trim())).orElse(otherwise);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(
                    property + " must be a number, was '" + text.get() + "'");
        }
    }
}
