package dcl.registry.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** A connector such as {@code salesforce}; matched lower-case, so it is stored lower-case. */
public record ConnectorId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ConnectorId {
        value = value == null ? null : value.toLowerCase(Locale.ROOT);
        Text.requirePattern(
                "connector", value, SHAPE, "must be 1-64 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
