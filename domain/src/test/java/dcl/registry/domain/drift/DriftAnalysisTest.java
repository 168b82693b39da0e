package dcl.registry.domain.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {
    private static FieldMapping mapped(String field, String entity, String canonical) {
        return FieldMapping.create(
                new TenantId("acme"),
                new SourceRef(
                        new ConnectorId("hubspot"),
                        new SourceTable("deals"),
                        new SourceField(field)),
                new CanonicalField(entity, canonical),
                Optional.empty(),
                Confidence.CERTAIN,
                MappingStatus.ACTIVE,
                Provenance.ADMIN,
                new Actor("alice"),
                Instant.EPOCH);
    }

    private static ObservedField seen(String name, String... samples) {
        return new ObservedField(new SourceField(name), Optional.empty(), List.of(samples));
    }

    @Test
    void givenTheFieldsATableHasNow_whenDiffed_thenRenamesAdditionsAndRemovalsAreTold() {
        List<FieldMapping> served =
                List.of(
                        mapped("amount", "opportunity", "amount"),
                        mapped("closedate", "opportunity", "close_date"),
                        mapped("dealname", "opportunity", "name"),
                        mapped("legacy_score", "opportunity", "probability"));
        List<ObservedField> now =
                List.of(
                        seen("deal_amount", "1200.5"),
                        seen("closedate", "2024-01-02"),
                        seen("dealname", "Big"),
                        seen("hs_priority", "high"));
        List<SchemaChange> changes =
                DriftAnalysis.diff(
                        served,
                        now,
                        m ->
                                Optional.of(
                                        m.target().field().equals("amount") ? "number" : "string"));
        assertEquals(
                List.of(
                        new SchemaChange.FieldRenamed(
                                new SourceField("amount"), seen("deal_amount", "1200.5")),
                        new SchemaChange.FieldRemoved(new SourceField("legacy_score")),
                        new SchemaChange.FieldAdded(seen("hs_priority", "high"))),
                changes);
    }

    @Test
    void givenValuesThatDoNotFitTheOldTarget_whenScored_thenTheRenameIsLessLikely() {
        RenameEvidence fits =
                RenameEvidence.of(
                        new SourceField("amount"),
                        seen("deal_amount", "12.5", "80"),
                        Optional.of("number"));
        RenameEvidence clashes =
                RenameEvidence.of(
                        new SourceField("amount"),
                        seen("deal_amount", "yes", "no"),
                        Optional.of("number"));
        assertTrue(fits.score() > clashes.score(), fits + " vs " + clashes);
        assertTrue(fits.score() >= DriftAnalysis.RENAME_THRESHOLD);
        assertTrue(
                RenameEvidence.of(
                                        new SourceField("amount"),
                                        seen("owner_email"),
                                        Optional.of("number"))
                                .score()
                        < DriftAnalysis.RENAME_THRESHOLD);
    }
}
