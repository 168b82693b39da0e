package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import java.util.regex.Pattern;

/** Where a value goes in the canonical model: {@code opportunity.amount}. */
public record CanonicalField(String entity, String field) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final String RULE =
            "must be 1-128 characters, start with a letter and hold only letters, digits and '_'";

    public CanonicalField {
        // both named at once when both are wrong
        Violations violations = new Violations();
        violations.check(() -> Text.requirePattern("canonicalEntity", entity, NAME, RULE));
        violations.check(() -> Text.requirePattern("canonicalField", field, NAME, RULE));
        violations.throwIfAny();
    }

    /** Reads {@code entity.field}. */
    public static CanonicalField parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 0) {
            throw new InvalidInput("canonicalField", "must read entity.field, was " + text);
        }
        return new CanonicalField(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return entity + "." + field;
    }
}
