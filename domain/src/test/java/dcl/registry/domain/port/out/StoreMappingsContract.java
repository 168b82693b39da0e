package dcl.registry.domain.port.out;

import static dcl.registry.domain.port.out.MappingContractFixtures.ACME;
import static dcl.registry.domain.port.out.MappingContractFixtures.ALICE;
import static dcl.registry.domain.port.out.MappingContractFixtures.GLOBEX;
import static dcl.registry.domain.port.out.MappingContractFixtures.T0;
import static dcl.registry.domain.port.out.MappingContractFixtures.mapping;
import static dcl.registry.domain.port.out.MappingContractFixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoreMappings} does: a subclass names the store under test and reads of the
 * same store, to see what it kept.
 */
public abstract class StoreMappingsContract {
    /** The store under test; each write commits on its own. */
    protected abstract StoreMappings store();

    /** Reads of what the store keeps. */
    protected abstract LoadMappings stored();

    @Test
    void givenANewIdentity_whenInserted_thenItIsKeptAsGiven() {
        FieldMapping mapping =
                mapping(ACME, source("salesforce", "Opportunity", "amount"), MappingStatus.ACTIVE);
        assertEquals(mapping, store().insert(mapping));
        assertEquals(Optional.of(mapping), stored().byId(ACME, mapping.id()));
    }

    @Test
    void
            givenAnIdentityTakenUnderAnotherTableSpelling_whenInserted_thenDuplicateAndTheFirstStays() {
        FieldMapping first =
                store().insert(
                                mapping(
                                        ACME,
                                        source("salesforce", "Opportunity", "amount"),
                                        MappingStatus.DEPRECATED));
        FieldMapping second =
                mapping(ACME, source("salesforce", "OPPORTUNITY", "amount"), MappingStatus.ACTIVE);
        assertThrows(DuplicateMapping.class, () -> store().insert(second));
        assertEquals(Optional.of(first), stored().byIdentity(ACME, second.source()));
        assertEquals(Optional.empty(), stored().byId(ACME, second.id()));
    }

    @Test
    void givenAnIdentityOfAnotherTenant_whenInserted_thenBothAreKept() {
        FieldMapping ours =
                store().insert(
                                mapping(
                                        ACME,
                                        source("salesforce", "opportunity", "amount"),
                                        MappingStatus.ACTIVE));
        FieldMapping theirs =
                store().insert(
                                mapping(
                                        GLOBEX,
                                        source("salesforce", "opportunity", "amount"),
                                        MappingStatus.ACTIVE));
        assertEquals(Optional.of(ours), stored().byIdentity(ACME, ours.source()));
        assertEquals(Optional.of(theirs), stored().byIdentity(GLOBEX, theirs.source()));
    }

    @Test
    void givenTheNextVersion_whenUpdated_thenItReplacesTheStoredOne() {
        FieldMapping first =
                store().insert(
                                mapping(
                                        ACME,
                                        source("salesforce", "opportunity", "amount"),
                                        MappingStatus.ACTIVE));
        FieldMapping next =
                first.retarget(
                        new CanonicalField("opportunity", "value"),
                        first.transform(),
                        new Confidence(0.5),
                        ALICE,
                        T0.plusSeconds(60));
        assertEquals(next, store().update(next));
        assertEquals(Optional.of(next), stored().byId(ACME, first.id()));
        assertEquals(2, stored().byId(ACME, first.id()).orElseThrow().version());
    }

    @Test
    void givenAVersionBasedOnAStaleRead_whenUpdated_thenStaleVersionAndTheNewerOneStays() {
        FieldMapping first =
                store().insert(
                                mapping(
                                        ACME,
                                        source("salesforce", "opportunity", "amount"),
                                        MappingStatus.ACTIVE));
        FieldMapping winner =
                store().update(
                                first.withStatus(
                                        MappingStatus.NEEDS_REVIEW, ALICE, T0.plusSeconds(1)));
        FieldMapping loser = first.withStatus(MappingStatus.DEPRECATED, ALICE, T0.plusSeconds(2));
        StaleVersion stale = assertThrows(StaleVersion.class, () -> store().update(loser));
        assertEquals(2, stale.current());
        assertEquals(Optional.of(winner), stored().byId(ACME, first.id()));
    }
}
