package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.StrategyName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a decision kept to its configuration. It is a violation when what answered differs from
 * what the configuration demands without a recorded reason: a strategy other than the selected one
 * answered and no fallback says why, {@code mixed} routed against its own rule, or the node
 * answered with another configuration than the tenant has now (a change another node made that this
 * node had not yet read; a newer version of the same configuration demands nothing else).
 */
public final class Adherence {
    /** How drift repairs name the strategy that answered: {@code drift-repair:<change>}. */
    public static final String DRIFT_REPAIR = "drift-repair";

    /** What a decision names as answering when no strategy could (the caller got a 503). */
    public static final String NONE = "none";

    private Adherence() {}

    /**
     * The violation, if any.
     *
     * @param demanded the tenant's configuration as stored when the decision was recorded
     * @param selected the strategy the configuration (or the request) selected
     * @param answered the strategy whose answer was taken
     * @param confidence the answer's confidence (mixed takes rag only at its threshold or above)
     */
    public static Optional<String> judge(
            ConfigurationSnapshot used,
            EffectiveConfiguration demanded,
            String selected,
            String answered,
            double confidence,
            List<Fallback> fallbacks) {
        if (selected.equals(DRIFT_REPAIR)) {
            // the repair policy decides, whatever the strategy configuration
            return answered.startsWith(DRIFT_REPAIR + ":")
                    ? Optional.empty()
                    : Optional.of(answered + " answered a drift repair");
        }
        EffectiveConfiguration effective = used.effective();
        // another version with the same configuration (a rollout's share raised, the same set
        // again) demands nothing else
        if (!effective.configuration().sameAs(demanded.configuration())) {
            return Optional.of(
                    "answered with configuration "
                            + describe(effective)
                            + " while the tenant's configuration is "
                            + describe(demanded));
        }
        if (answered.equals(NONE)) {
            return fallbacks.isEmpty()
                    ? Optional.of("nothing answered and no reason was recorded")
                    : Optional.empty();
        }
        Optional<StrategyName> strategy = StrategyName.parse(selected);
        if (strategy.isEmpty()) {
            return Optional.of("no configuration selects " + selected);
        }
        if (strategy.get() != StrategyName.MIXED) {
            return answered.equals(selected)
                    ? Optional.empty()
                    : Optional.of(answered + " answered where " + selected + " was demanded");
        }
        return mixedRoute(used, answered, confidence, fallbacks);
    }

    /** {@code mixed}: rag at or above its threshold, else llm when configured, else lexical. */
    private static Optional<String> mixedRoute(
            ConfigurationSnapshot used, String answered, double confidence, List<Fallback> taken) {
        double threshold = used.effective().configuration().mixedRagThreshold();
        if (answered.equals(StrategyName.RAG.label())) {
            return confidence >= threshold
                    ? Optional.empty()
                    : Optional.of(
                            String.format(
                                    Locale.ROOT,
                                    "mixed took rag at %.2f, below its threshold %.2f",
                                    confidence,
                                    threshold));
        }
        if (answered.equals(StrategyName.LLM.label())) {
            return used.llmConfigured()
                    ? Optional.empty()
                    : Optional.of("llm answered though no LLM is configured");
        }
        if (answered.equals(StrategyName.LEXICAL.label())) {
            boolean llmFellBack =
                    taken.stream().anyMatch(f -> f.strategy().equals(StrategyName.LLM.label()));
            return !used.llmConfigured() || llmFellBack
                    ? Optional.empty()
                    : Optional.of(
                            "mixed answered with lexical while an LLM is configured and no"
                                    + " fallback was recorded");
        }
        return Optional.of(answered + " is not on mixed's route");
    }

    private static String describe(EffectiveConfiguration c) {
        return "v"
                + c.version()
                + " ("
                + c.configuration().label()
                + ", "
                + c.origin().wireName()
                + ")";
    }
}
