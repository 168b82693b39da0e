package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/**
 * Shared checks for the names that make up identities; package-private on purpose. Which characters
 * a name may hold is {@link TextRule#NAME}'s decision.
 */
final class Text {
    static final int MAX_NAME = 255;

    private Text() {}

    static String requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (value.length() > MAX_NAME) {
            throw new InvalidInput(field, "must be at most " + MAX_NAME + " characters");
        }
        TextRule.NAME.require(field, value);
        if (!value.equals(value.strip())) {
            throw new InvalidInput(field, "must not start or end with white space");
        }
        return value;
    }

    static String requirePattern(String field, String value, Pattern pattern, String rule) {
        requireName(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInput(field, rule + " (got '" + value + "')");
        }
        return value;
    }
}
