package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentSchemasTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

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

        String value = recent.of(ACME, first, s -> "derived " + derived.incrementAndGet());

        assertEquals(
                "derived 1",
                recent.of(ACME, readAgain, s -> "derived " + derived.incrementAndGet()));
        assertEquals(
                "derived 1",
                recent.of(ACME, readAgain, s -> "derived " + derived.incrementAndGet()));
        assertEquals(
                "derived 1", recent.of(ACME, first, s -> "derived " + derived.incrementAndGet()));
        assertEquals("derived 1", value);
        assertEquals(
                "derived 2",
                recent.of(ACME, schema("phone"), s -> "derived " + derived.incrementAndGet()),
                "another schema is derived");
    }

    @Test
    void anotherTenantsEqualSchemaIsDerivedForItAgain() {
        RecentSchemas<String> recent = new RecentSchemas<>(4);
        AtomicInteger derived = new AtomicInteger();
        CanonicalSchema acmes = schema("email");
        recent.of(ACME, acmes, s -> "derived " + derived.incrementAndGet());

        assertEquals(
                "derived 2",
                recent.of(GLOBEX, schema("email"), s -> "derived " + derived.incrementAndGet()),
                "how fast it comes tells globex nothing of acme's schema");
        assertEquals(
                "derived 2",
                recent.of(GLOBEX, acmes, s -> "derived " + derived.incrementAndGet()),
                "not even the very instance acme read");
        assertEquals(
                "derived 1", recent.of(ACME, acmes, s -> "derived " + derived.incrementAndGet()));
    }

    @Test
    void theShippedDefaultModelIsDerivedOnceForEveryTenant() {
        RecentSchemas<String> recent = new RecentSchemas<>(4);
        AtomicInteger derived = new AtomicInteger();
        recent.of(ACME, DefaultCrmModel.schema(), s -> "derived " + derived.incrementAndGet());

        assertEquals(
                "derived 1",
                recent.of(
                        GLOBEX,
                        DefaultCrmModel.schema(),
                        s -> "derived " + derived.incrementAndGet()),
                "public: the same for everyone");
    }
}
