package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;

/** Maps between {@link FieldMapping} and its row. */
final class FieldMappingRows {
    private FieldMappingRows() {}

    static FieldMapping toDomain(FieldMappingEntity row) {
        return new FieldMapping(
                MappingId.parse(row.id),
                new TenantId(row.tenantId),
                new SourceRef(
                        new ConnectorId(row.connector),
                        new SourceTable(row.sourceTable),
                        new SourceField(row.sourceField)),
                new CanonicalField(row.canonicalEntity, row.canonicalField),
                MappingJson.transform(row.transform),
                new Confidence(row.confidence),
                MappingStatus.valueOf(row.status),
                row.version,
                Provenance.valueOf(row.provenance),
                row.createdAt,
                row.updatedAt,
                new Actor(row.updatedBy));
    }

    /** Copies everything but the version, which JPA owns. */
    static void copy(FieldMapping from, FieldMappingEntity to) {
        to.id = from.id().toString();
        to.tenantId = from.tenant().value();
        to.connector = from.source().connector().value();
        to.sourceTable = from.source().table().name();
        to.sourceField = from.source().field().name();
        to.canonicalEntity = from.target().entity();
        to.canonicalField = from.target().field();
        to.transform = MappingJson.transform(from.transform());
        to.confidence = from.confidence().value();
        to.status = from.status().name();
        to.provenance = from.provenance().name();
        to.createdAt = from.createdAt();
        to.updatedAt = from.updatedAt();
        to.updatedBy = from.updatedBy().subject();
    }
}
