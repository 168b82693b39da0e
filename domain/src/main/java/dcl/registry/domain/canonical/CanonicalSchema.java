package dcl.registry.domain.canonical;

import dcl.registry.domain.model.CanonicalField;
import java.util.List;
import java.util.Optional;

/** All canonical entities of a tenant. */
public record CanonicalSchema(List<CanonicalEntity> entities) {
    public CanonicalSchema {
        entities = List.copyOf(entities);
    }

    public Optional<CanonicalEntity> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The declared type of a canonical field, when the schema defines the field with one. */
    public Optional<String> typeOf(CanonicalField field) {
        return entity(field.entity())
                .flatMap(
                        e ->
                                e.fields().stream()
                                        .filter(f -> f.name().equals(field.field()))
                                        .findFirst())
                .flatMap(CanonicalFieldDefinition::type);
    }

    /** Whether the schema defines this canonical field (what an LLM or a matcher may propose). */
    public boolean defines(CanonicalField field) {
        return entity(field.entity()).map(e -> e.has(field.field())).orElse(false);
    }
}
