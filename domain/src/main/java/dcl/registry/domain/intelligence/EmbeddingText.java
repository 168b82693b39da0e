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

    private EmbeddingText() {}

    public static String ofSource(SourceRef source) {
        return String.join(" ", Names.words(source.table().name()))
                + " "
                + String.join(" ", Names.words(source.field().name()));
    }

    public static String ofRequest(ProposalRequest request) {
        return ofSource(request.source()) + request.description().map(d -> ": " + d).orElse("");
    }

    public static String ofCanonical(CanonicalEntity entity, CanonicalFieldDefinition field) {
        Optional<String> description = field.description();
        return String.join(" ", Names.words(entity.name()))
                + " "
                + String.join(" ", Names.words(field.name()))
                + description.map(d -> ": " + d).orElse("");
    }
}
