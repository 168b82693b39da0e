package dcl.registry.domain.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordTransformerTest {
    private static final ConnectorId HUBSPOT = new ConnectorId("hubspot");
    private static final SourceTable CONTACTS = new SourceTable("contacts");

    private static FieldMapping mapping(
            String field, String entity, String canonical, Transform transform) {
        return FieldMapping.create(
                new TenantId("acme"),
                new SourceRef(HUBSPOT, CONTACTS, new SourceField(field)),
                new CanonicalField(entity, canonical),
                Optional.ofNullable(transform),
                Confidence.CERTAIN,
                MappingStatus.ACTIVE,
                Provenance.ADMIN,
                new Actor("alice"),
                Instant.EPOCH);
    }

    private final RecordTransformer transformer =
            new RecordTransformer(
                    TableMappingSet.of(
                            HUBSPOT,
                            CONTACTS,
                            1,
                            List.of(
                                    mapping(
                                            "email",
                                            "contact",
                                            "email",
                                            Transform.of("lowercase", null, null)),
                                    mapping(
                                            "properties.score",
                                            "contact",
                                            "score",
                                            Transform.of("number", null, null)),
                                    mapping("company", "account", "name", null))));

    private static SourceRecord record(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new SourceRecord(values);
    }

    @Test
    void givenARecordSpanningTwoEntities_whenTransformed_thenOneEventPerEntity() {
        TransformOutcome outcome =
                transformer.transform(
                        List.of(
                                record(
                                        "email",
                                        "Ann@Example.COM",
                                        "company",
                                        "Acme",
                                        "properties",
                                        Map.of("score", "42"),
                                        "fax",
                                        "1")));
        assertEquals(2, outcome.events().size());
        assertEquals(
                new CanonicalEvent(
                        0,
                        "contact",
                        Map.of("email", "ann@example.com", "score", new BigDecimal("42"))),
                outcome.events().get(0));
        assertEquals(
                new CanonicalEvent(0, "account", Map.of("name", "Acme")), outcome.events().get(1));
        assertEquals(List.of("fax"), outcome.unmapped());
        assertEquals(List.of(), outcome.problems());
    }

    @Test
    void givenABadValue_whenTransformed_thenOnlyThatFieldIsReportedAndTheRestFlows() {
        TransformOutcome outcome =
                transformer.transform(
                        List.of(
                                record("email", "a@b.c"),
                                record("email", List.of("not", "text"), "company", "Globex")));
        assertEquals(
                List.of(new FieldProblem(1, "email", "lowercase expects text, got a list")),
                outcome.problems());
        assertEquals(
                List.of(
                        new CanonicalEvent(0, "contact", Map.of("email", "a@b.c")),
                        new CanonicalEvent(1, "account", Map.of("name", "Globex"))),
                outcome.events());
    }

    @Test
    void givenNoMappings_whenTransformed_thenEverythingIsUnmappedAndNoEventIsMade() {
        TransformOutcome outcome =
                new RecordTransformer(TableMappingSet.of(HUBSPOT, CONTACTS, 0, List.of()))
                        .transform(List.of(record("a", 1, "b", 2), record("c", 3)));
        assertEquals(List.of(), outcome.events());
        assertEquals(List.of("a", "b", "c"), outcome.unmapped());
    }

    @Test
    void
            givenTwoFieldsMappedToOneTarget_whenBothArriveWithDifferentValues_thenTheMoreConfidentIsKeptAndTheOtherReported() {
        FieldMapping exact = mapping("full_name", "contact", "name", null);
        FieldMapping guessed =
                FieldMapping.create(
                        new TenantId("acme"),
                        new SourceRef(HUBSPOT, CONTACTS, new SourceField("alias")),
                        new CanonicalField("contact", "name"),
                        Optional.empty(),
                        new Confidence(0.7),
                        MappingStatus.ACTIVE,
                        Provenance.PROPOSAL,
                        new Actor("alice"),
                        Instant.EPOCH);
        for (List<FieldMapping> stored :
                List.of(List.of(guessed, exact), List.of(exact, guessed))) {
            assertKeepsTheMoreConfident(
                    new RecordTransformer(TableMappingSet.of(HUBSPOT, CONTACTS, 1, stored)));
        }
    }

    private static void assertKeepsTheMoreConfident(RecordTransformer both) {
        TransformOutcome outcome =
                both.transform(
                        List.of(
                                record("alias", "Annie", "full_name", "Ann Lee"),
                                record("alias", "Ann Lee", "full_name", "Ann Lee"),
                                record("alias", "Bo"),
                                record("alias", "Cy", "full_name", null),
                                record("alias", 7, "full_name", 7.0),
                                record(
                                        "alias",
                                        List.of(1, Map.of("n", 2)),
                                        "full_name",
                                        List.of(1.0, Map.of("n", 2.00))),
                                record("alias", List.of(1, 2), "full_name", List.of(1, 2, 3))));

        assertEquals(
                List.of(
                        new CanonicalEvent(0, "contact", Map.of("name", "Ann Lee")),
                        new CanonicalEvent(1, "contact", Map.of("name", "Ann Lee")),
                        new CanonicalEvent(2, "contact", Map.of("name", "Bo")),
                        new CanonicalEvent(3, "contact", Map.of("name", "Cy")),
                        new CanonicalEvent(4, "contact", Map.of("name", 7.0)),
                        new CanonicalEvent(
                                5, "contact", Map.of("name", List.of(1.0, Map.of("n", 2.00)))),
                        new CanonicalEvent(6, "contact", Map.of("name", List.of(1, 2, 3)))),
                outcome.events());
        assertEquals(
                List.of(
                        new FieldProblem(
                                0,
                                "alias",
                                "maps to contact.name as full_name does, with another value;"
                                        + " full_name's value was kept (the more confident"
                                        + " mapping, then the name first in alphabetical"
                                        + " order)"),
                        new FieldProblem(
                                6,
                                "alias",
                                "maps to contact.name as full_name does, with another value;"
                                        + " full_name's value was kept (the more confident"
                                        + " mapping, then the name first in alphabetical"
                                        + " order)")),
                outcome.problems(),
                "1 and 1.0 are one value, inside lists and objects too; [1, 2] is not [1, 2, 3]");
    }
}
