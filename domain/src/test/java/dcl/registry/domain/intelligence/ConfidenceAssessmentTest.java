package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfidenceAssessmentTest {
    private static FieldMapping mapping(Provenance provenance, MappingStatus status) {
        return FieldMapping.create(
                new TenantId("t"),
                new SourceRef(
                        new ConnectorId("hubspot"),
                        new SourceTable("deals"),
                        new SourceField("amount")),
                new CanonicalField("opportunity", "amount"),
                Optional.empty(),
                Confidence.CERTAIN,
                status,
                provenance,
                new Actor("a"),
                Instant.EPOCH);
    }

    @Test
    void givenTheSeedWeights_whenEveryFactorIsKnown_thenTheScoreIsTheirWeightedSum() {
        ConfidenceAssessment a =
                ConfidenceAssessment.of(
                        mapping(Provenance.ADMIN, MappingStatus.ACTIVE),
                        new ValidationResults(Optional.of(0.9), Optional.of(0.8), Optional.of(0.5)),
                        ConfidenceWeights.SEED);
        assertEquals(0.2 * 1.0 + 0.15 * 0.5 + 0.3 * 0.9 + 0.25 * 1.0 + 0.1 * 0.8, a.score(), 1e-9);
        assertEquals(0.5, a.factors().get("usageFrequency"));
        assertTrue(a.recommendations().isEmpty(), a.recommendations().toString());
    }

    @Test
    void
            givenAnUnapprovedProposalWithWeakValidation_whenScored_thenRecommendationsNameTheWeakFactors() {
        ConfidenceAssessment a =
                ConfidenceAssessment.of(
                        mapping(Provenance.PROPOSAL, MappingStatus.PROPOSED),
                        new ValidationResults(Optional.of(0.2), Optional.empty(), Optional.empty()),
                        ConfidenceWeights.SEED);
        assertEquals(0.0, a.factors().get("humanApproval"));
        assertTrue(
                a.recommendations().stream()
                        .anyMatch(r -> r.startsWith("validationSuccess is low")));
        assertTrue(a.recommendations().stream().anyMatch(r -> r.startsWith("no human decision")));
        assertTrue(
                a.recommendations().stream().anyMatch(r -> r.startsWith("usageFrequency unknown")));
        assertTrue(
                a.recommendations().stream().anyMatch(r -> r.startsWith("sourceQuality is low")));
    }

    @Test
    void givenWeightsThatDoNotSumToOneOrLeaveTheRange_whenBuilt_thenTheyAreRefused() {
        assertTrue(
                assertThrows(
                                InvalidInput.class,
                                () -> new ConfidenceWeights(0.2, 0.15, 0.3, 0.25, 0.5))
                        .getMessage()
                        .contains("sum to 1"));
        assertEquals(
                "dcl.confidence.weight.humanApproval",
                assertThrows(
                                InvalidInput.class,
                                () -> new ConfidenceWeights(0.2, 0.15, 0.3, -0.25, 0.6))
                        .violations()
                        .get(0)
                        .field());
        assertThrows(
                InvalidInput.class,
                () -> new ValidationResults(Optional.of(1.5), Optional.empty(), Optional.empty()));
    }
}
