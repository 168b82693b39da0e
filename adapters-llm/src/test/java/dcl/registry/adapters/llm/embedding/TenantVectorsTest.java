package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import java.util.List;
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
}
