package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantVectorsTest {
    private static TenantVectors.Indexed entry(String field) {
        return new TenantVectors.Indexed(
                new MappingId(UUID.randomUUID()),
                new SourceRef(new ConnectorId("c"), new SourceTable("t"), new SourceField(field)),
                new CanonicalField("e", field));
    }

    private static QuantizedVector towards(float x, float y) {
        return QuantizedVector.of(new float[] {x, y, 0, 0});
    }

    private static List<String> fields(List<SimilarMapping> found) {
        return found.stream().map(s -> s.source().field().name()).toList();
    }

    @Test
    void givenVectors_whenSearched_thenTheMostSimilarComeFirstAndOnlyAsManyAsAsked() {
        TenantVectors index = new TenantVectors();
        index.put(entry("east"), towards(1, 0));
        index.put(entry("north"), towards(0, 1));
        index.put(entry("northeast"), towards(1, 1));
        List<SimilarMapping> found = index.nearest(towards(1, 0.1f), 2);
        assertEquals(List.of("east", "northeast"), fields(found));
        assertEquals(1.0, found.get(0).similarity(), 0.02);
        assertEquals(1.1 / (Math.sqrt(1.01) * Math.sqrt(2)), found.get(1).similarity(), 0.02);
    }

    @Test
    void givenMappingsNamingTheSameConnectorTableAndTarget_whenIndexed_thenEachIsHeldOnce() {
        TenantVectors index = new TenantVectors();
        for (String field : List.of("mail", "email")) {
            // each row read from the store brings its own strings
            index.put(
                    new TenantVectors.Indexed(
                            new MappingId(UUID.randomUUID()),
                            new SourceRef(
                                    new ConnectorId(new String("crm")),
                                    new SourceTable(new String("people")),
                                    new SourceField(field)),
                            new CanonicalField(new String("contact"), new String("email"))),
                    towards(1, 0));
        }

        List<KnownMapping> known = index.recent(2);

        assertSame(known.get(0).source().connector(), known.get(1).source().connector());
        assertSame(known.get(0).source().table(), known.get(1).source().table());
        assertSame(known.get(0).target(), known.get(1).target());
        assertEquals(
                List.of("email", "mail"),
                known.stream().map(k -> k.source().field().name()).toList());
    }

    @Test
    void givenALoad_whenTrimmed_thenNoRoomIsKeptForGrowthAndTheIndexStillGrows() {
        TenantVectors index = new TenantVectors();
        for (int i = 0; i < 20; i++) {
            index.put(entry("noise" + i), towards(-1, 0));
        }
        assertTrue(index.capacity() > 20, "room kept for growth: " + index.capacity());

        index.trimToSize();

        assertEquals(20, index.capacity());
        index.put(entry("east"), towards(1, 0));
        assertEquals(List.of("east"), fields(index.nearest(towards(1, 0), 1)));
        assertEquals(21, index.size());
    }

    @Test
    void givenRemovalsAndUpdates_whenSearched_thenFreedSlotsAreReusedAndUpdatesReplaceTheVector() {
        TenantVectors index = new TenantVectors();
        TenantVectors.Indexed east = entry("east");
        index.put(east, towards(1, 0));
        for (int i = 0; i < 40; i++) {
            index.put(entry("noise" + i), towards(-1, 0));
        }
        index.removeIf(e -> e.source().field().name().startsWith("noise"));
        assertEquals(1, index.size());
        index.put(entry("north"), towards(0, 1));
        index.put(east, towards(0, 1)); // the same mapping, a new vector
        assertEquals(2, index.size());
        assertEquals(1.0, index.nearest(towards(0, 1), 2).get(1).similarity(), 0.02);
        assertTrue(index.get(east.id()).isPresent());
        index.remove(east.id());
        assertEquals(List.of("north"), fields(index.nearest(towards(0, 1), 5)));
    }

    @Test
    void
            givenMoreEntriesThanAreScoredExactly_whenSearched_thenTheNearestByCodeAreTheExactNearest() {
        Random random = new Random(42);
        int dimensions = 384;
        TenantVectors index = new TenantVectors();
        List<QuantizedVector> vectors = new ArrayList<>();
        List<TenantVectors.Indexed> entries = new ArrayList<>();
        for (int i = 0; i < TenantVectors.EXACT_UP_TO * 2; i++) {
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(QuantizedVector.of(v));
            entries.add(entry("f" + i));
            index.put(entries.get(i), vectors.get(i));
        }
        for (int q = 0; q < 20; q++) {
            // a query near one stored vector: its exact nearest 8 are that vector and seven of the
            // random rest, which only a real dot product tells apart
            float[] query = new float[dimensions];
            QuantizedVector near = vectors.get(random.nextInt(vectors.size()));
            for (int d = 0; d < dimensions; d++) {
                query[d] = near.values()[d] / 127f + (float) random.nextGaussian() * 0.5f;
            }
            QuantizedVector asked = QuantizedVector.of(query);
            List<String> exact =
                    vectors.stream()
                            .sorted(Comparator.comparingDouble(v -> -asked.similarity(v)))
                            .limit(1)
                            .map(v -> entries.get(vectors.indexOf(v)).source().field().name())
                            .toList();
            List<SimilarMapping> found = index.nearest(asked, 8);
            assertEquals(8, found.size());
            assertEquals(exact, fields(found.subList(0, 1)));
            for (int k = 1; k < found.size(); k++) {
                assertTrue(found.get(k - 1).similarity() >= found.get(k).similarity());
            }
        }
    }
}
