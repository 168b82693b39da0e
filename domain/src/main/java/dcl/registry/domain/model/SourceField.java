package dcl.registry.domain.model;

/**
 * A field of a source table, matched exactly. A name with dots may be a path into a nested record
 * ({@code address.city}).
 */
public record SourceField(String name) {
    public SourceField {
        Text.requireName("sourceField", name);
    }

    @Override
    public String toString() {
        return name;
    }
}
