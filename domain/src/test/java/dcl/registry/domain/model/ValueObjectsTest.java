package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {
    @Test
    void givenABlankEntityAndField_whenATargetIsBuilt_thenBothAreNamedAtOnce() {
        InvalidInput both = assertThrows(InvalidInput.class, () -> new CanonicalField("", " "));
        assertEquals(
                java.util.List.of("canonicalEntity", "canonicalField"),
                both.violations().stream().map(InvalidInput.Violation::field).toList());
    }

    @Test
    void givenAMixedCaseConnector_whenBuilt_thenItIsLowerCase() {
        assertEquals("salesforce", new ConnectorId("SalesForce").value());
    }

    @Test
    void givenTablesDifferingInCase_whenCompared_thenTheyAreTheSameTableButKeepTheirSpelling() {
        SourceTable a = new SourceTable("Opportunity");
        SourceTable b = new SourceTable("OPPORTUNITY");
        assertTrue(a.sameAs(b));
        assertEquals("Opportunity", a.name());
    }

    @Test
    void givenFieldsDifferingInCase_whenIdentitiesCompared_thenTheyDiffer() {
        ConnectorId sf = new ConnectorId("salesforce");
        SourceRef amount =
                new SourceRef(sf, new SourceTable("Opportunity"), new SourceField("Amount"));
        SourceRef same =
                new SourceRef(sf, new SourceTable("opportunity"), new SourceField("Amount"));
        SourceRef other =
                new SourceRef(sf, new SourceTable("opportunity"), new SourceField("amount"));
        assertTrue(amount.sameIdentity(same));
        assertFalse(amount.sameIdentity(other));
    }

    @Test
    void givenACanonicalNameTooLong_whenBuilt_thenTheMessageSaysHowLongItMayBe() {
        assertTrue(
                assertThrows(
                                InvalidInput.class,
                                () -> new CanonicalField("opportunity", "a".repeat(129)))
                        .violations()
                        .get(0)
                        .message()
                        .contains("1-128 characters"));
        assertEquals("a".repeat(128), new CanonicalField("opportunity", "a".repeat(128)).field());
    }

    @Test
    void givenBadNames_whenBuilt_thenTheViolationNamesTheApiField() {
        assertEquals(
                "sourceTable",
                assertThrows(InvalidInput.class, () -> new SourceTable(" "))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "sourceField",
                assertThrows(InvalidInput.class, () -> new SourceField("a\nb"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "connector",
                assertThrows(InvalidInput.class, () -> new ConnectorId("sales force"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "canonicalField",
                assertThrows(InvalidInput.class, () -> new CanonicalField("opportunity", "9x"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "confidence",
                assertThrows(InvalidInput.class, () -> new Confidence(1.5))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "tenant_id",
                assertThrows(InvalidInput.class, () -> new TenantId("a/b"))
                        .violations()
                        .get(0)
                        .field());
    }

    @Test
    void givenAnUnknownStatus_whenParsed_thenTheAllowedValuesAreListed() {
        InvalidInput error =
                assertThrows(InvalidInput.class, () -> MappingStatus.parse("status", "LIVE"));
        assertTrue(error.getMessage().contains("NEEDS_REVIEW"));
        assertEquals(MappingStatus.ACTIVE, MappingStatus.parse("status", "active"));
    }

    @Test
    void givenALimitOutOfRange_whenAPageIsRequested_thenItIsRefused() {
        assertThrows(InvalidInput.class, () -> PageRequest.first(0));
        assertThrows(InvalidInput.class, () -> PageRequest.first(1001));
        assertEquals(1000, PageRequest.first(1000).limit());
    }

    @Test
    void givenProvenances_whenLabelled_thenTheWireFormIsKebabCase() {
        assertEquals("yaml-import", Provenance.YAML_IMPORT.label());
        assertEquals("drift-repair", Provenance.DRIFT_REPAIR.label());
    }
}
