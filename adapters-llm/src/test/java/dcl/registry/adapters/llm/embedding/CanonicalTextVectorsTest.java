package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalTextVectorsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final TenantId INITECH = new TenantId("initech");
    private static final QuantizedVector V = QuantizedVector.of(new float[] {1, 0, 0});
    private static final String PUBLIC = SchemaVectors.textsOf(DefaultCrmModel.schema()).get(0);

    @Test
    void aTenantsTextIsItsOwn_andTheDefaultModelsIsEveryones() {
        CanonicalTextVectors vectors = new CanonicalTextVectors(10);
        vectors.put(ACME, "mailbox created at", V);
        vectors.put(ACME, PUBLIC, V);

        assertEquals(Optional.of(V), vectors.get(ACME, "mailbox created at"));
        assertEquals(Optional.empty(), vectors.get(GLOBEX, "mailbox created at"));
        assertEquals(Optional.of(V), vectors.get(GLOBEX, PUBLIC));
    }

    @Test
    void beyondTheBound_theLeastRecentlyUsedTenantsLoseTheirs_neverThePublicOnes() {
        CanonicalTextVectors vectors = new CanonicalTextVectors(4);
        vectors.put(GLOBEX, PUBLIC, V);
        vectors.put(ACME, "a1", V);
        vectors.put(GLOBEX, "g1", V);
        vectors.put(ACME, "a2", V); // acme used last

        vectors.put(INITECH, "i1", V);
        vectors.put(INITECH, "i2", V); // five: one tenant's must go

        assertEquals(Optional.empty(), vectors.get(GLOBEX, "g1"), "globex's were used longest ago");
        assertEquals(Optional.of(V), vectors.get(ACME, "a2"));
        assertEquals(Optional.of(V), vectors.get(INITECH, "i2"));
        assertEquals(Optional.of(V), vectors.get(ACME, PUBLIC), "the public texts stay");
    }

    @Test
    void aTenantAloneBeyondTheBoundStartsOver() {
        CanonicalTextVectors vectors = new CanonicalTextVectors(2);
        vectors.put(ACME, "a1", V);
        vectors.put(ACME, "a2", V);
        vectors.put(ACME, "a3", V);

        assertTrue(vectors.get(ACME, "a1").isEmpty());
        assertTrue(vectors.get(ACME, "a3").isEmpty(), "every text of acme's dropped at once");
        vectors.put(ACME, "a4", V);
        assertEquals(Optional.of(V), vectors.get(ACME, "a4"));
    }
}
