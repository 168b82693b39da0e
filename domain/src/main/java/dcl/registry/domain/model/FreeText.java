package dcl.registry.domain.model;

import java.util.Optional;

/**
 * Words people write for people: the reason for a change, a reviewer's notes, a description. At
 * most {@value #MAX_LENGTH} characters of {@link TextRule#FREE_TEXT} (line breaks and tabs allowed,
 * other control characters and lone surrogates not); blank counts as not given.
 */
public final class FreeText {
    public static final int MAX_LENGTH = 2000;

    private FreeText() {}

    /**
     * The text when given, empty when absent or blank.
     *
     * @throws dcl.registry.domain.error.InvalidInput naming {@code field} when it is too long or
     *     holds characters free text may not hold
     */
    public static Optional<String> optional(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        TextRule.FREE_TEXT.require(field, text, MAX_LENGTH);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** As {@link #optional(String, String)}, for a value that is optional already. */
    public static Optional<String> optional(String field, Optional<String> text) {
        return optional(field, text == null ? null : text.orElse(null));
    }
}
