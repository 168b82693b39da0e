package dcl.registry.domain.port.out;

import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.LlmQuestion;
import dcl.registry.domain.intelligence.LlmSuggestion;

/** A hosted language model asked for one canonical target (structured output, not free text). */
public interface LanguageModel {
    /**
     * @throws StrategyUnavailable when the model cannot be reached, refuses, times out or answers
     *     malformed JSON
     */
    LlmSuggestion suggest(LlmQuestion question);
}
