package dcl.registry.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A row of {@code field_mappings}; the domain never sees it. */
@Entity
@Table(name = "field_mappings")
class FieldMappingEntity {
    @Id String id;

    @Column(name = "tenant_id")
    String tenantId;

    String connector;

    @Column(name = "source_table")
    String sourceTable;

    @Column(name = "source_field")
    String sourceField;

    @Column(name = "canonical_entity")
    String canonicalEntity;

    @Column(name = "canonical_field")
    String canonicalField;

    /** JSON form of the transform, null when the value is copied as is. */
    String transform;

    double confidence;
    String status;
    String provenance;

    @Version long version;

    @Column(name = "change_seq", insertable = false, updatable = false)
    Long changeSeq;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "updated_by")
    String updatedBy;
}
