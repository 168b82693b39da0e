package dcl.registry.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EstimatedImpactTest {
    @Test
    void givenCounts_whenDescribed_thenEachNamedWithItsNumberAndPlural() {
        assertEquals(
                "1 existing mapping, 1 table, 2 canonical fields downstream",
                new EstimatedImpact(1, 1, 2).describe());
        assertEquals(
                "0 existing mappings, 3 tables, 1 canonical field downstream",
                new EstimatedImpact(0, 3, 1).describe());
    }
}
