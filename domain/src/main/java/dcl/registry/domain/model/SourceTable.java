package dcl.registry.domain.model;

import java.util.Locale;

/**
 * A table (object, collection, file) of a connector. Kept as written, compared case-insensitively:
 * {@code Opportunity} and {@code opportunity} are the same table.
 */
public record SourceTable(String name) {
    public SourceTable {
        Text.requireName("sourceTable", name);
    }

    /** The form identities compare on. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(SourceTable other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return name;
    }
}
