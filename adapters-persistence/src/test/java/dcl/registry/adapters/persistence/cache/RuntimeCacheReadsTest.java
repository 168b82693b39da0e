package dcl.registry.adapters.persistence.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.model.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeCacheReadsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @Test
    void givenReadsOfTwoTenants_whenTaken_thenEachHasItsOwnAndTheNextTakeOnlyWhatCameAfter() {
        RuntimeCacheReads reads = new RuntimeCacheReads();
        reads.count(ACME, true);
        reads.count(ACME, true);
        reads.count(ACME, false);
        reads.count(GLOBEX, false);

        assertEquals(
                Map.of(
                        ACME, new RuntimeCacheReads.Taken(2, 1),
                        GLOBEX, new RuntimeCacheReads.Taken(0, 1)),
                reads.take());

        reads.count(GLOBEX, true);
        assertEquals(Map.of(GLOBEX, new RuntimeCacheReads.Taken(1, 0)), reads.take());
        assertEquals(Map.of(), reads.take());
    }
}
