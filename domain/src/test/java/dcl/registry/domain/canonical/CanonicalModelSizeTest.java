package dcl.registry.domain.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanonicalModelSizeTest {
    private static CanonicalEntity entity(String name, int fields) {
        return new CanonicalEntity(
                name,
                Optional.empty(),
                IntStream.range(0, fields)
                        .mapToObj(
                                i ->
                                        new CanonicalFieldDefinition(
                                                "f" + i, Optional.empty(), Optional.empty()))
                        .toList());
    }

    @Test
    void givenAnEntityOverItsFieldLimit_whenDefined_thenRefusedNamingFieldsYetStillReadable() {
        CanonicalSchema empty = new CanonicalSchema(List.of());
        empty.requireRoomFor(entity("big", CanonicalSchema.MAX_ENTITY_FIELDS));
        CanonicalEntity over = entity("big", CanonicalSchema.MAX_ENTITY_FIELDS + 1);
        InvalidInput tooMany = assertThrows(InvalidInput.class, () -> empty.requireRoomFor(over));
        assertEquals(
                "fields: an entity holds at most 2000 fields (got 2001)", tooMany.getMessage());
        assertEquals(
                2_001,
                new CanonicalSchema(List.of(over)).entity("big").orElseThrow().fields().size(),
                "a model stored before the limit is still read");
    }

    @Test
    void givenAModelNearItsLimit_whenAnEntityIsAddedOrReplaced_thenOnlyTheTotalAfterCounts() {
        CanonicalSchema model =
                new CanonicalSchema(
                        List.of(entity("a", 2_000), entity("b", 2_000), entity("c", 999)));

        model.requireRoomFor(entity("d", 1));
        model.requireRoomFor(entity("c", 1_000)); // c replaced: 5,000 in all
        InvalidInput full =
                assertThrows(InvalidInput.class, () -> model.requireRoomFor(entity("d", 2)));
        assertEquals("fields", full.violations().get(0).field());
        assertEquals(
                "fields: a canonical model holds at most 5000 fields across its entities; with this"
                        + " entity yours would hold 5001",
                full.getMessage());
        assertThrows(InvalidInput.class, () -> model.requireRoomFor(entity("c", 1_001)));
    }
}
