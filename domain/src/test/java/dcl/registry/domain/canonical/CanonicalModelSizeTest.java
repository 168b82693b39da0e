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
    void givenAnEntityOverItsFieldLimit_whenDefined_thenRefusedNamingFields() {
        assertEquals(
                CanonicalEntity.MAX_FIELDS,
                entity("big", CanonicalEntity.MAX_FIELDS).fields().size());
        InvalidInput tooMany =
                assertThrows(
                        InvalidInput.class, () -> entity("big", CanonicalEntity.MAX_FIELDS + 1));
        assertEquals("fields", tooMany.violations().get(0).field());
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
