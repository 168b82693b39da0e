package dcl.registry.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the append-only {@code audit_trail}. */
@Entity
@Table(name = "audit_trail")
class AuditEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(name = "tenant_id")
    String tenantId;

    @Column(name = "subject_type")
    String subjectType;

    @Column(name = "subject_id")
    String subjectId;

    String action;
    String actor;

    @Column(name = "occurred_at")
    Instant occurredAt;

    String reason;
    Long version;

    @Column(name = "before_state")
    String beforeState;

    @Column(name = "after_state")
    String afterState;
}
