package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A replacement may restate the identity, but never change it. */
class MappingReplacementTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor ALICE = new Actor("alice");
    private static final Actor BOB = new Actor("bob");
    private static final CanonicalField VALUE = new CanonicalField("opportunity", "value");

    private static final FieldMapping STORED =
            FieldMapping.create(
                    new TenantId("acme"),
                    new SourceRef(
                            new ConnectorId("salesforce"),
                            new SourceTable("Opportunity"),
                            new SourceField("Amount")),
                    new CanonicalField("opportunity", "amount"),
                    Optional.of(Transform.of("number", null, null)),
                    Confidence.CERTAIN,
                    MappingStatus.ACTIVE,
                    Provenance.ADMIN,
                    ALICE,
                    T0);

    private static StatedIdentity stated(String id, String connector, String table, String field) {
        return new StatedIdentity(
                Optional.ofNullable(id).map(MappingId::parse),
                Optional.ofNullable(connector).map(ConnectorId::new),
                Optional.ofNullable(table).map(SourceTable::new),
                Optional.ofNullable(field).map(SourceField::new));
    }

    private static MappingReplacement replacement(StatedIdentity identity) {
        return new MappingReplacement(
                identity, VALUE, Optional.empty(), new Confidence(0.8), Optional.of("why"));
    }

    private static List<String> refusedFields(StatedIdentity identity) {
        return assertThrows(
                        InvalidInput.class,
                        () -> STORED.replacedBy(replacement(identity), BOB, T0.plusSeconds(1)))
                .violations()
                .stream()
                .map(InvalidInput.Violation::field)
                .toList();
    }

    @Test
    void
            givenTheStoredIdentityRestated_whenReplaced_thenTheNextVersionHasTheNewContentAndTheSameIdentity() {
        FieldMapping next =
                STORED.replacedBy(
                        replacement(
                                stated(
                                        STORED.id().toString(),
                                        "salesforce",
                                        "Opportunity",
                                        "Amount")),
                        BOB,
                        T0.plusSeconds(1));
        assertEquals(2, next.version());
        assertEquals(VALUE, next.target());
        assertEquals(
                Optional.empty(),
                next.transform(),
                "a replacement is whole: no transform stated, none kept");
        assertEquals(0.8, next.confidence().value());
        assertEquals(STORED.source(), next.source());
        assertEquals(BOB, next.updatedBy());
    }

    @Test
    void
            givenTheIdentityInAnotherSpellingTheIdentityRulesAllow_whenReplaced_thenAcceptedAndTheStoredSpellingKept() {
        FieldMapping next =
                STORED.replacedBy(
                        replacement(stated(null, "SalesForce", "OPPORTUNITY", "Amount")), BOB, T0);
        assertEquals("Opportunity", next.source().table().name());
        assertEquals("salesforce", next.source().connector().value());
    }

    @Test
    void givenNoIdentityStated_whenReplaced_thenAccepted() {
        assertEquals(
                VALUE,
                STORED.replacedBy(
                                MappingReplacement.of(
                                        VALUE,
                                        Optional.empty(),
                                        Confidence.CERTAIN,
                                        Optional.empty()),
                                BOB,
                                T0)
                        .target());
    }

    @Test
    void givenADifferentIdentityPart_whenReplaced_thenRefusedNamingThatPart() {
        assertEquals(List.of("connector"), refusedFields(stated(null, "hubspot", null, null)));
        assertEquals(List.of("sourceTable"), refusedFields(stated(null, null, "Account", null)));
        assertEquals(
                List.of("sourceField"),
                refusedFields(stated(null, null, null, "amount")),
                "the field is matched exactly");
        assertEquals(
                List.of("id"),
                refusedFields(stated("00000000-0000-0000-0000-000000000001", null, null, null)));
    }

    @Test
    void givenSeveralDifferentIdentityParts_whenReplaced_thenEveryOneIsNamedAndTheMessageSaysWhy() {
        InvalidInput refused =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                STORED.replacedBy(
                                        replacement(stated(null, "hubspot", "deals", "Amount")),
                                        BOB,
                                        T0));
        assertEquals(
                List.of("connector", "sourceTable"),
                refused.violations().stream().map(InvalidInput.Violation::field).toList());
        String message = refused.violations().get(0).message();
        assertEquals(
                true,
                message.contains("'salesforce'")
                        && message.contains("'hubspot'")
                        && message.contains("identity"),
                message);
    }
}
