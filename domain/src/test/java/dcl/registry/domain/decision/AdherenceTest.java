package dcl.registry.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdherenceTest {
    private static final StrategyConfiguration MIXED =
            new StrategyConfiguration(StrategyName.MIXED, 0.9);
    private static final EffectiveConfiguration V0 =
            new EffectiveConfiguration(MIXED, ConfigurationOrigin.INSTALLATION, 0);
    private static final ConfigurationSnapshot NO_LLM =
            new ConfigurationSnapshot(V0, Optional.empty(), Optional.empty(), "minilm");
    private static final ConfigurationSnapshot WITH_LLM =
            new ConfigurationSnapshot(
                    V0, Optional.of("gemini-2.0-flash"), Optional.of("v1"), "minilm");

    private static Optional<String> judge(
            ConfigurationSnapshot used,
            String selected,
            String answered,
            double confidence,
            List<Fallback> fallbacks) {
        return Adherence.judge(used, V0, selected, answered, confidence, fallbacks);
    }

    @Test
    void givenMixedWithoutAnLlm_whenEachStepOfItsRouteAnswers_thenNoViolation() {
        assertEquals(Optional.empty(), judge(NO_LLM, "mixed", "rag", 0.95, List.of()));
        assertEquals(Optional.empty(), judge(NO_LLM, "mixed", "lexical", 0.4, List.of()));
        assertEquals(
                Optional.empty(),
                judge(NO_LLM, "mixed", "lexical", 0.4, List.of(new Fallback("rag", "warming"))));
    }

    @Test
    void givenMixed_whenRagIsTakenBelowItsThreshold_thenAViolationNamesBothFigures() {
        Optional<String> violation = judge(NO_LLM, "mixed", "rag", 0.6, List.of());
        assertEquals(Optional.of("mixed took rag at 0.60, below its threshold 0.90"), violation);
    }

    @Test
    void givenMixedWithAnLlm_whenLexicalAnswersWithoutAnLlmFallback_thenAViolation() {
        assertTrue(judge(WITH_LLM, "mixed", "lexical", 0.5, List.of()).isPresent());
        assertEquals(
                Optional.empty(),
                judge(WITH_LLM, "mixed", "lexical", 0.5, List.of(new Fallback("llm", "429"))));
        assertEquals(Optional.empty(), judge(WITH_LLM, "mixed", "llm", 0.7, List.of()));
    }

    @Test
    void givenNoLlm_whenLlmAnswersUnderMixed_thenAViolation() {
        assertEquals(
                Optional.of("llm answered though no LLM is configured"),
                judge(NO_LLM, "mixed", "llm", 0.7, List.of()));
    }

    @Test
    void givenAnExplicitStrategy_whenAnotherAnswers_thenAViolation_andNoneWithAReasonIsNot() {
        assertEquals(
                Optional.of("lexical answered where rag was demanded"),
                judge(NO_LLM, "rag", "lexical", 0.5, List.of()));
        assertEquals(Optional.empty(), judge(NO_LLM, "rag", "rag", 0.5, List.of()));
        assertEquals(
                Optional.empty(),
                judge(NO_LLM, "rag", Adherence.NONE, 0, List.of(new Fallback("rag", "warming"))));
        assertTrue(judge(NO_LLM, "rag", Adherence.NONE, 0, List.of()).isPresent());
    }

    @Test
    void givenADriftRepair_whenThePolicyAnswers_thenNoViolation_andAStrategyAnsweringIsOne() {
        assertEquals(
                Optional.empty(),
                judge(NO_LLM, Adherence.DRIFT_REPAIR, "drift-repair:rename", 0.8, List.of()));
        assertTrue(judge(NO_LLM, Adherence.DRIFT_REPAIR, "lexical", 0.8, List.of()).isPresent());
    }

    @Test
    void givenANodeThatHadNotReadTheTenantsNewConfiguration_whenItAnswers_thenAViolation() {
        EffectiveConfiguration demanded =
                new EffectiveConfiguration(
                        new StrategyConfiguration(StrategyName.LEXICAL, 0.9),
                        ConfigurationOrigin.TENANT,
                        7);
        Optional<String> violation =
                Adherence.judge(NO_LLM, demanded, "mixed", "lexical", 0.5, List.of());
        assertEquals(
                Optional.of(
                        "answered with configuration v0 (mixed(rag>=0.90), installation) while"
                                + " the tenant's configuration is v7 (lexical, tenant)"),
                violation);
    }

    @Test
    void givenANewerVersionOfTheSameConfiguration_whenTheNodeAnswersWithTheOlder_thenNoViolation() {
        EffectiveConfiguration raised =
                new EffectiveConfiguration(MIXED, ConfigurationOrigin.ROLLOUT, 12);
        ConfigurationSnapshot older =
                new ConfigurationSnapshot(
                        new EffectiveConfiguration(MIXED, ConfigurationOrigin.ROLLOUT, 11),
                        Optional.empty(),
                        Optional.empty(),
                        "minilm");
        assertEquals(
                Optional.empty(),
                Adherence.judge(older, raised, "mixed", "lexical", 0.5, List.of()));
        assertEquals(
                Optional.empty(),
                Adherence.judge(
                        older,
                        new EffectiveConfiguration(
                                new StrategyConfiguration(StrategyName.RAG, 0.9),
                                ConfigurationOrigin.TENANT,
                                13),
                        Adherence.DRIFT_REPAIR,
                        "drift-repair:rename_field",
                        0.8,
                        List.of()),
                "a drift repair follows the repair policy, not the strategy configuration");
    }
}
