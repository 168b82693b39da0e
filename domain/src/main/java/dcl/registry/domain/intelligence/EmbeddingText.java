package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.model.SourceRef;
import java.util.Optional;

/**
 * The sentences that get embedded. A source field and a known mapping's source read the same way
 * (table and field words, decorations dropped), so a field meets its look-alikes in other
 * connectors; descriptions join in only when comparing against canonical field descriptions. The
 * version is stored with every vector: a new recipe means new vectors.
 */
public final class EmbeddingText {
    public static final String RECIPE = "v1";
    private static final int ENTITY_FIELDS = 12;

    private EmbeddingText() {}

    public static String ofSource(SourceRef source) {
        return words(source.table().name()) + " " + words(source.field().name());
    }

    /** A source field in its table: the table's words, then the field alone. */
    public static String ofRequest(ProposalRequest request) {
        return words(request.source().table().name()) + " " + ofField(request);
    }

    /** A source table as compared with canonical entities: its words and its description. */
    public static String ofTable(ProposalRequest request) {
        return described(request.source().table().name(), request.tableDescription());
    }

    /**
     * A canonical entity as compared with source tables: its name, its description, and the names
     * of its first fields (what the entity holds says what it is when its name does not).
     */
    public static String ofEntity(CanonicalEntity entity) {
        return described(entity.name(), entity.description())
                + " ("
                + entity.fields().stream()
                        .limit(ENTITY_FIELDS)
                        .map(f -> words(f.name()))
                        .collect(java.util.stream.Collectors.joining(", "))
                + ")";
    }

    /** A source field alone, as compared with canonical fields alone: its words and description. */
    public static String ofField(ProposalRequest request) {
        return described(request.source().field().name(), request.description());
    }

    /** A canonical field alone, without its entity: its words and description. */
    public static String ofFieldAlone(CanonicalFieldDefinition field) {
        return described(field.name(), field.description());
    }

    /** A canonical field in its entity: the entity's words, then the field alone. */
    public static String ofCanonical(CanonicalEntity entity, CanonicalFieldDefinition field) {
        return words(entity.name()) + " " + ofFieldAlone(field);
    }

    /** A name's words, then its description if it has one: both sides of a comparison alike. */
    private static String described(String name, Optional<String> description) {
        return words(name) + description.map(d -> ": " + d).orElse("");
    }

    private static String words(String name) {
        return String.join(" ", Names.words(name));
    }
}
