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

    /** Whether the schema defines this canonical field (what an LLM or a matcher may propose). */
    public boolean defines(CanonicalField field) {
        return entity(field.entity()).map(e -> e.has(field.field())).orElse(false);
    }
}
