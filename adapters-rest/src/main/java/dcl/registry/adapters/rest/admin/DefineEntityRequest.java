package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Body of {@code PUT /dcl/canonical/entities/{entity}}. */
public record DefineEntityRequest(String description, List<Field> fields, String reason) {
  /** One field: name required, type and description optional. */
  public record Field(String name, String type, String description) {}

  CanonicalEntity toDomain(String entity) {
    if (fields == null || fields.isEmpty()) {
      throw new InvalidInput("fields", "is required: at least one {name, type?, description?}");
    }
    Violations v = new Violations();
    List<CanonicalFieldDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      int index = i;
      CanonicalFieldDefinition d = f == null ? null : v.check(() -> new CanonicalFieldDefinition(
          f.name(), Optional.ofNullable(f.type()), Optional.ofNullable(f.description())));
      if (f == null) {
        v.add("fields[" + index + "]", "must be an object");
      }
      if (d != null) {
        definitions.add(d);
      }
    }
    v.throwIfAny();
    return new CanonicalEntity(entity, Optional.ofNullable(description), definitions);
  }
}
