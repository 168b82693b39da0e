package dcl.registry.adapters.rest;

import dcl.registry.domain.canonical.CanonicalEntity;
import java.util.List;

/** A canonical entity with its fields. */
public record CanonicalEntityResponse(String name, String description, List<Field> fields) {
    /** One field. */
    public record Field(String name, String type, String description, List<String> enumValues) {}

    public static CanonicalEntityResponse from(CanonicalEntity e) {
        return new CanonicalEntityResponse(
                e.name(),
                e.description().orElse(null),
                e.fields().stream()
                        .map(
                                f ->
                                        new Field(
                                                f.name(),
                                                f.type().orElse(null),
                                                f.description().orElse(null),
                                                f.enumValues().isEmpty() ? null : f.enumValues()))
                        .toList());
    }
}
