package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.CanonicalField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A canonical schema's vectors side by side, its fields' and its entities': a proposal compares the
 * request with every one of them, and building each field's text and looking its vector up by that
 * text cost more, at 1,000 fields, than the comparisons.
 */
final class SchemaVectors {
    private final List<CanonicalField> fields = new ArrayList<>();
    private final List<QuantizedVector> fieldVectors = new ArrayList<>();
    private final List<QuantizedVector> fieldAloneVectors = new ArrayList<>();
    private final List<String> entities = new ArrayList<>();
    private final List<QuantizedVector> entityVectors = new ArrayList<>();

    SchemaVectors(CanonicalSchema schema, Function<String, QuantizedVector> vectorOf) {
        for (CanonicalEntity entity : schema.entities()) {
            entities.add(entity.name());
            entityVectors.add(vectorOf.apply(EmbeddingText.ofEntity(entity)));
            for (CanonicalFieldDefinition field : entity.fields()) {
                fields.add(new CanonicalField(entity.name(), field.name()));
                fieldVectors.add(vectorOf.apply(EmbeddingText.ofCanonical(entity, field)));
                fieldAloneVectors.add(vectorOf.apply(EmbeddingText.ofFieldAlone(field)));
            }
        }
    }

    List<CanonicalField> fields() {
        return fields;
    }

    QuantizedVector fieldVector(int i) {
        return fieldVectors.get(i);
    }

    /** Field {@code i} without its entity: its words and description. */
    QuantizedVector fieldAloneVector(int i) {
        return fieldAloneVectors.get(i);
    }

    List<String> entities() {
        return entities;
    }

    QuantizedVector entityVector(int i) {
        return entityVectors.get(i);
    }
}
