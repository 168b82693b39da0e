package dcl.registry.domain.intelligence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The proposal strategies a tenant's proposals can come from; {@code mixed} routes between rag, llm
 * and lexical; {@code learned} weighs every kind of evidence at once.
 */
public enum StrategyName {
    LEXICAL,
    RAG,
    LLM,
    MIXED,
    LEARNED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StrategyName> parse(String text) {
        return Arrays.stream(values())
                .filter(
                        s ->
                                s.label()
                                        .equals(
                                                text == null
                                                        ? ""
                                                        : text.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(StrategyName::label).collect(Collectors.joining(", "));
    }
}
