package dcl.registry.domain.port.out;

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

/**
 * What the mapping port contracts store: names in lower case and instants in microseconds, so a
 * database's collation and precision keep them as they are.
 */
public final class MappingContractFixtures {
    public static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");
    static final Actor ALICE = new Actor("alice");
    static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456Z");

    private MappingContractFixtures() {}

    public static SourceRef source(String connector, String table, String field) {
        return new SourceRef(
                new ConnectorId(connector), new SourceTable(table), new SourceField(field));
    }

    public static FieldMapping mapping(TenantId tenant, SourceRef source, MappingStatus status) {
        return FieldMapping.create(
                tenant,
                source,
                new CanonicalField("opportunity", source.field().name()),
                Optional.empty(),
                new Confidence(0.75),
                status,
                Provenance.ADMIN,
                ALICE,
                T0);
    }
}
