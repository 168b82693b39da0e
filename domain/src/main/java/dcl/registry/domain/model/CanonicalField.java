package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** Where a value goes in the canonical model: {@code opportunity.amount}. */
public record CanonicalField(String entity, String field) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final String RULE =
            "must start with a letter and hold only letters, digits and '_'";

    public CanonicalField {
        Text.requirePattern("canonicalEntity", entity, NAME, RULE);
        Text.requirePattern("canonicalField", field, NAME, RULE);
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
