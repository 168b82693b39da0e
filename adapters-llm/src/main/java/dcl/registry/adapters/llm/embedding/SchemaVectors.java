package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.CanonicalField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

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
    private final int[] byName;

    /**
     * {@code vectorsOf} gives the vectors of the schema's texts ({@link #textsOf}) in one call, in
     * their order (so that those not embedded yet can be embedded side by side).
     */
    SchemaVectors(CanonicalSchema schema, Function<List<String>, List<QuantizedVector>> vectorsOf) {
        for (CanonicalEntity entity : schema.entities()) {
            entities.add(entity.name());
            for (CanonicalFieldDefinition field : entity.fields()) {
                fields.add(new CanonicalField(entity.name(), field.name()));
            }
        }
        List<QuantizedVector> vectors = vectorsOf.apply(textsOf(schema));
        int e = entities.size();
        int f = fields.size();
        entityVectors.addAll(vectors.subList(0, e));
        fieldVectors.addAll(vectors.subList(e, e + f));
        fieldAloneVectors.addAll(vectors.subList(e + f, e + 2 * f));
        byName =
                IntStream.range(0, f)
                        .boxed()
                        .sorted(Comparator.comparing(i -> fields.get(i).toString()))
                        .mapToInt(Integer::intValue)
                        .toArray();
    }

    /**
     * The schema's texts in the order the vectors are kept: its entities', its fields' (with their
     * entity), then its fields' alone.
     */
    static List<String> textsOf(CanonicalSchema schema) {
        List<String> entityTexts = new ArrayList<>();
        List<String> fieldTexts = new ArrayList<>();
        List<String> aloneTexts = new ArrayList<>();
        for (CanonicalEntity entity : schema.entities()) {
            entityTexts.add(EmbeddingText.ofEntity(entity));
            for (CanonicalFieldDefinition field : entity.fields()) {
                fieldTexts.add(EmbeddingText.ofCanonical(entity, field));
                aloneTexts.add(EmbeddingText.ofFieldAlone(field));
            }
        }
        List<String> texts = new ArrayList<>(entityTexts);
        texts.addAll(fieldTexts);
        texts.addAll(aloneTexts);
        return texts;
    }

    List<CanonicalField> fields() {
        return fields;
    }

    /**
     * The fields' positions in the order of their names ({@code entity.field}): a stable sort by
     * score alone then breaks ties by name, without building a name per comparison.
     */
    int[] byName() {
        return byName;
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
