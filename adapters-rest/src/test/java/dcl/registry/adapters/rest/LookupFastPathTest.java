package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths the fast path reads as a lookup, and how it reads If-None-Match. */
class LookupFastPathTest {
    @Test
    void givenALookupPath_whenRead_thenConnectorTableAndFieldAsJaxRsMatchesThem() {
        assertArrayEquals(
                new String[] {"salesforce", "Opportunity", "Amount"},
                LookupFastPath.Lookup.names("/dcl/mappings/salesforce/Opportunity/Amount")
                        .orElseThrow());
        assertArrayEquals(
                new String[] {"mongo", "orders", "customer/address/city"},
                LookupFastPath.Lookup.names("/dcl/mappings/mongo/orders/customer/address/city")
                        .orElseThrow(),
                "the field takes the rest of the path, as {field: .+} does");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/dcl/mappings/salesforce/Opportunity",
                "/dcl/mappings/salesforce",
                "/dcl/mappings/",
                "/dcl/mappings/salesforce/Opportunity/Amount/",
                "/dcl/mappings/salesforce//Amount",
                "/dcl/mappings//Opportunity/Amount",
                "/dcl/mappings/salesforce/Opportunity/Am%20ount",
                "/dcl/mappings/salesforce/Opportunity/Amount;v=1",
                "/dcl/mappings/changes/a/b",
                "/dcl/mappingsX/salesforce/Opportunity/Amount",
                "/dcl/transform/salesforce/Opportunity/Amount"
            })
    void givenAPathJaxRsMightReadOtherwise_whenRead_thenItIsLeftToJaxRs(String path) {
        assertEquals(Optional.empty(), LookupFastPath.Lookup.names(path), path);
    }

    @Test
    void givenIfNoneMatch_whenOneTagIsNamed_thenItIsReadWithoutItsWeaknessElseLeftToJaxRs() {
        assertEquals(Optional.of("\"3\""), EntityTags.singleTag("\"3\""));
        assertEquals(Optional.of("\"3\""), EntityTags.singleTag(" W/\"3\" "));
        assertEquals(EntityTags.header(3), EntityTags.singleTag("\"3\"").orElseThrow());
        for (String notOne : new String[] {"*", "\"1\", \"3\"", "3", "\"", "W/", ""}) {
            assertTrue(EntityTags.singleTag(notOne).isEmpty(), notOne);
        }
    }
}
