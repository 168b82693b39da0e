package dcl.registry.domain.canonical;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.CanonicalField;
import java.util.List;
import java.util.Optional;

/** All canonical entities of a tenant. */
public record CanonicalSchema(List<CanonicalEntity> entities) {
    /**
     * The most fields a tenant's model holds across its entities: the cost of a proposal and of a
     * model change grows with them, on cores every tenant shares (a 5,000-field model took 8 s to
     * embed after each change, on 2 cores).
     */
    public static final int MAX_FIELDS = 5_000;

    /**
     * The most fields one entity holds: twice the 1,000-field model the proposals are measured on.
     */
    public static final int MAX_ENTITY_FIELDS = 2_000;

    public CanonicalSchema {
        entities = List.copyOf(entities);
    }

    /**
     * Refuses an entity over {@link #MAX_ENTITY_FIELDS}, or one that, put in place of its namesake,
     * would make the model hold more than {@link #MAX_FIELDS}. Rules of a change, not of the
     * records: a model stored before them is still read, and can be shrunk.
     */
    public void requireRoomFor(CanonicalEntity entity) {
        if (entity.fields().size() > MAX_ENTITY_FIELDS) {
            throw new InvalidInput(
                    "fields",
                    "an entity holds at most "
                            + MAX_ENTITY_FIELDS
                            + " fields (got "
                            + entity.fields().size()
                            + ")");
        }
        int total =
                entity.fields().size()
                        + entities.stream()
                                .filter(e -> !e.name().equals(entity.name()))
                                .mapToInt(e -> e.fields().size())
                                .sum();
        if (total > MAX_FIELDS) {
            throw new InvalidInput(
                    "fields",
                    "a canonical model holds at most "
                            + MAX_FIELDS
                            + " fields across its entities; with this entity yours would hold "
                            + total);
        }
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
