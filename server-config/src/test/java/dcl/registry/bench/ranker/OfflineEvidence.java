package dcl.registry.bench.ranker;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.intelligence.CanonicalProfile;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.LearnedStrategy;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evidence the service's {@code learned} strategy would gather for a field, computed offline
 * the way the semantic index computes it (same embedding texts, same quantized vectors, same
 * look-alike counts), so that training and measuring need no server.
 */
final class OfflineEvidence {
    private static final int NEIGHBOURS = 8;
    private final TextEmbedder embedder;
    private final Map<String, QuantizedVector> vectors = new HashMap<>();

    /** The trainer's simulated tenants share one scope: it runs alone, offline. */
    private static final TenantId OFFLINE = new TenantId("ranker-training");

    OfflineEvidence(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * The features of every canonical field for {@code field}, the tenant knowing {@code known}.
     */
    LearnedStrategy.Evaluation evaluate(
            MatchingFamily family, MatchingFamily.Field field, List<MatchingFamily.Field> known) {
        CanonicalProfile profile = CanonicalProfile.of(OFFLINE, family.schema());
        QuantizedVector query = vector(EmbeddingText.ofRequest(field.request()));
        QuantizedVector alone = vector(EmbeddingText.ofField(field.request()));
        Map<CanonicalField, Double> meaning = new HashMap<>();
        Map<CanonicalField, Double> fieldMeaning = new HashMap<>();
        for (CanonicalEntity entity : family.schema().entities()) {
            for (CanonicalFieldDefinition f : entity.fields()) {
                CanonicalField target = new CanonicalField(entity.name(), f.name());
                meaning.put(
                        target,
                        rounded(query.similarity(vector(EmbeddingText.ofCanonical(entity, f)))));
                fieldMeaning.put(
                        target, rounded(alone.similarity(vector(EmbeddingText.ofFieldAlone(f)))));
            }
        }
        QuantizedVector table = vector(EmbeddingText.ofTable(field.request()));
        Map<String, Double> entities = new HashMap<>();
        for (CanonicalEntity entity : family.schema().entities()) {
            entities.put(
                    entity.name(),
                    rounded(table.similarity(vector(EmbeddingText.ofEntity(entity)))));
        }
        LookAlikeIndex index = new LookAlikeIndex();
        List<SimilarMapping> neighbours = new ArrayList<>();
        QuantizedVector source = vector(EmbeddingText.ofSource(field.request().source()));
        for (MatchingFamily.Field k : known) {
            CanonicalField target = k.expected().orElseThrow();
            index.add(k.request().source(), target);
            neighbours.add(
                    new SimilarMapping(
                            new MappingId(
                                    UUID.nameUUIDFromBytes(
                                            k.request()
                                                    .source()
                                                    .toString()
                                                    .getBytes(
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8))),
                            k.request().source(),
                            target,
                            source.similarity(
                                    vector(EmbeddingText.ofSource(k.request().source())))));
        }
        neighbours.sort(Comparator.comparingDouble(SimilarMapping::similarity).reversed());
        return LearnedStrategy.evaluate(
                profile,
                field.request(),
                new LearnedStrategy.Inputs(
                        index.votes(field.request().source()),
                        List.copyOf(neighbours.subList(0, Math.min(NEIGHBOURS, neighbours.size()))),
                        meaning,
                        entities,
                        fieldMeaning));
    }

    /** To three decimals, as the semantic index answers. */
    private static double rounded(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }

    private QuantizedVector vector(String text) {
        return vectors.computeIfAbsent(text, t -> QuantizedVector.of(embedder.embed(t)));
    }
}
