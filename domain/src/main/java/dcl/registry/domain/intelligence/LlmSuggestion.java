package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import java.util.List;

/** The language model's answer, before it is checked against the schema. */
public record LlmSuggestion(
        CanonicalField target,
        double confidence,
        String reasoning,
        List<CanonicalField> alternatives,
        String promptVersion) {
    public LlmSuggestion {
        alternatives = List.copyOf(alternatives);
    }
}
