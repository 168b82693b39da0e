package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingStatusTest {
    @Test
    void givenTheStatuses_whenAskedWhichAreServed_thenActiveAndNeedsReview() {
        assertEquals(
                EnumSet.of(MappingStatus.ACTIVE, MappingStatus.NEEDS_REVIEW), MappingStatus.SERVED);
        assertEquals(
                MappingStatus.SERVED,
                EnumSet.copyOf(
                        EnumSet.allOf(MappingStatus.class).stream()
                                .filter(MappingStatus::isServed)
                                .toList()));
    }

    @Test
    void givenAMappingInEachStatus_whenAskedIfServed_thenTheServedSetDecides() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        for (MappingStatus status : MappingStatus.values()) {
            FieldMapping mapping =
                    FieldMapping.create(
                            new TenantId("acme"),
                            new SourceRef(
                                    new ConnectorId("salesforce"),
                                    new SourceTable("Opportunity"),
                                    new SourceField("Amount")),
                            new CanonicalField("deal", "amount"),
                            Optional.empty(),
                            Confidence.CERTAIN,
                            status,
                            Provenance.ADMIN,
                            new Actor("admin"),
                            now);
            assertEquals(MappingStatus.SERVED.contains(status), mapping.isServed(), status.name());
        }
    }
}
