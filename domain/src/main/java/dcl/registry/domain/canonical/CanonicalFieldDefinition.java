package dcl.registry.domain.canonical;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.FreeText;
import java.util.Optional;

/**
 * One field of a canonical entity: its name, type (string, number, boolean, date, datetime…) and
 * meaning.
 */
public record CanonicalFieldDefinition(
        String name, Optional<String> type, Optional<String> description) {
    public CanonicalFieldDefinition {
        new CanonicalField("entity", name);
        if (description.isPresent() && description.get().length() > FreeText.MAX_LENGTH) {
            throw new InvalidInput(
                    "fields.description", "must be at most " + FreeText.MAX_LENGTH + " characters");
        }
    }
}
