package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentSchemasTest {
    private static CanonicalSchema schema(String field) {
        return new CanonicalSchema(
                List.of(
                        new CanonicalEntity(
                                "contact",
                                Optional.empty(),
                                List.of(
                                        new CanonicalFieldDefinition(
                                                field, Optional.of("string"), Optional.empty())))));
    }

    @Test
    void aSchemaReadAgainAsAnotherInstanceIsNotDerivedAgain() {
        RecentSchemas<String> recent = new RecentSchemas<>(2);
        AtomicInteger derived = new AtomicInteger();
        CanonicalSchema first = schema("email");
        CanonicalSchema readAgain = schema("email");

        String value = recent.of(first, s -> "derived " + derived.incrementAndGet());

        assertEquals(
                "derived 1", recent.of(readAgain, s -> "derived " + derived.incrementAndGet()));
        assertEquals(
                "derived 1", recent.of(readAgain, s -> "derived " + derived.incrementAndGet()));
        assertEquals("derived 1", recent.of(first, s -> "derived " + derived.incrementAndGet()));
        assertEquals("derived 1", value);
        assertEquals(
                "derived 2",
                recent.of(schema("phone"), s -> "derived " + derived.incrementAndGet()),
                "another schema is derived");
    }
}
