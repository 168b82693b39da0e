package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.TextRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Body of {@code PUT /dcl/canonical/entities/{entity}}. */
public record DefineEntityRequest(String description, List<Field> fields, String reason) {
    /** The longest declared type of a field (string, number, date…). */
    static final int MAX_TYPE = 64;

    /**
     * One field: name required; type, description and the values it may take (a closed list)
     * optional.
     */
    public record Field(String name, String type, String description, List<String> enumValues) {}

    CanonicalEntity toDomain(String entity) {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidInput(
                    "fields", "is required: at least one {name, type?, description?, enumValues?}");
        }
        Violations v = new Violations();
        Optional<String> entityDescription =
                v.check(() -> FreeText.optional("description", description));
        List<CanonicalFieldDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String at = "fields[" + i + "]";
            if (f == null) {
                v.add(at, "must be an object");
                continue;
            }
            try {
                Optional<String> type =
                        Optional.ofNullable(f.type())
                                .map(t -> TextRule.NAME.require(at + ".type", t, MAX_TYPE));
                Optional<String> meaning = FreeText.optional(at + ".description", f.description());
                definitions.add(
                        new CanonicalFieldDefinition(f.name(), type, meaning, f.enumValues()));
            } catch (InvalidInput invalid) { // the domain names its own fields; here they are this
                // entry's
                invalid.violations()
                        .forEach(
                                x ->
                                        v.add(
                                                x.field().startsWith(at)
                                                        ? x.field()
                                                        : at + "." + leaf(x.field()),
                                                x.message()));
            }
        }
        v.throwIfAny();
        return new CanonicalEntity(
                entity,
                entityDescription == null ? Optional.empty() : entityDescription,
                definitions);
    }

    private static String leaf(String field) {
        return field.equals("canonicalField")
                ? "name"
                : field.substring(field.lastIndexOf('.') + 1);
    }
}
