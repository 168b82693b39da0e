package dcl.registry.domain.canonical;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.FreeText;
import java.util.List;
import java.util.Optional;

/**
 * One field of a canonical entity: its name, type (string, number, boolean, date, datetime…),
 * meaning, and the values it may take when it has a closed list (codes, statuses, categories:
 * evidence a source field's sample values are compared with).
 */
public record CanonicalFieldDefinition(
        String name, Optional<String> type, Optional<String> description, List<String> enumValues) {
    /** The most values a field may list. */
    public static final int MAX_VALUES = 500;

    /** The longest value. */
    public static final int MAX_VALUE_LENGTH = 200;

    public CanonicalFieldDefinition {
        new CanonicalField("entity", name);
        if (description.isPresent() && description.get().length() > FreeText.MAX_LENGTH) {
            throw new InvalidInput(
                    "fields.description", "must be at most " + FreeText.MAX_LENGTH + " characters");
        }
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        if (enumValues.size() > MAX_VALUES) {
            throw new InvalidInput("fields.enumValues", "at most " + MAX_VALUES + " values");
        }
        for (String value : enumValues) {
            if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidInput(
                        "fields.enumValues",
                        "each value must be 1 to " + MAX_VALUE_LENGTH + " characters, not blank");
            }
        }
    }

    /** A field without a closed list of values. */
    public CanonicalFieldDefinition(
            String name, Optional<String> type, Optional<String> description) {
        this(name, type, description, List.of());
    }
}
