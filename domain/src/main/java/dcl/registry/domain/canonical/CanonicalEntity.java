package dcl.registry.domain.canonical;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.CanonicalField;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A canonical entity (contact, opportunity…) with its fields; field names are unique within it. */
public record CanonicalEntity(
        String name, Optional<String> description, List<CanonicalFieldDefinition> fields) {
    public CanonicalEntity {
        new CanonicalField(name, "field");
        if (fields == null || fields.isEmpty()) {
            throw new InvalidInput("fields", "an entity needs at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (CanonicalFieldDefinition field : fields) {
            if (!seen.add(field.name())) {
                throw new InvalidInput("fields", "field '" + field.name() + "' appears twice");
            }
        }
        fields = List.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field));
    }
}
