package dcl.registry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One mapping decision: a source field of a tenant's connector goes to a canonical field, maybe
 * through a transform. Immutable: every change yields the next version.
 */
public record FieldMapping(
        MappingId id,
        TenantId tenant,
        SourceRef source,
        CanonicalField target,
        Optional<Transform> transform,
        Confidence confidence,
        MappingStatus status,
        long version,
        Provenance provenance,
        Instant createdAt,
        Instant updatedAt,
        Actor updatedBy) {

    public FieldMapping {
        if (id == null || tenant == null || source == null || target == null || transform == null) {
            throw new IllegalArgumentException(
                    "id, tenant, source, target and transform are required");
        }
        if (confidence == null || status == null || provenance == null) {
            throw new IllegalArgumentException("confidence, status and provenance are required");
        }
        if (createdAt == null || updatedAt == null || updatedBy == null) {
            throw new IllegalArgumentException("createdAt, updatedAt and updatedBy are required");
        }
    }

    /** A new mapping, version 1, decided by {@code actor} at {@code now}. */
    public static FieldMapping create(
            TenantId tenant,
            SourceRef source,
            CanonicalField target,
            Optional<Transform> transform,
            Confidence confidence,
            MappingStatus status,
            Provenance provenance,
            Actor actor,
            Instant now) {
        return new FieldMapping(
                MappingId.random(),
                tenant,
                source,
                target,
                transform,
                confidence,
                status,
                1,
                provenance,
                now,
                now,
                actor);
    }

    public boolean isActive() {
        return status == MappingStatus.ACTIVE;
    }

    /** Served to the runtime: see {@link MappingStatus#SERVED}. */
    public boolean isServed() {
        return status.isServed();
    }

    public boolean isDeprecated() {
        return status == MappingStatus.DEPRECATED;
    }

    /**
     * The next version with a replacement's content. The replacement may restate the identity; it
     * must be this mapping's (the identity of a mapping never changes), else every differing part
     * is refused.
     *
     * @throws dcl.registry.domain.error.InvalidInput naming each identity part that differs
     */
    public FieldMapping replacedBy(MappingReplacement replacement, Actor actor, Instant now) {
        replacement.identity().requireSameAs(this);
        return retarget(
                replacement.target(),
                replacement.transform(),
                replacement.confidence(),
                actor,
                now);
    }

    /** The next version with a new target, transform and confidence. */
    public FieldMapping retarget(
            CanonicalField newTarget,
            Optional<Transform> newTransform,
            Confidence newConfidence,
            Actor actor,
            Instant now) {
        return new FieldMapping(
                id,
                tenant,
                source,
                newTarget,
                newTransform,
                newConfidence,
                status,
                version + 1,
                provenance,
                createdAt,
                now,
                actor);
    }

    /** The next version: a new target, transform and confidence, ACTIVE again whatever it was. */
    public FieldMapping reactivate(
            CanonicalField newTarget,
            Optional<Transform> newTransform,
            Confidence newConfidence,
            Actor actor,
            Instant now) {
        return new FieldMapping(
                id,
                tenant,
                source,
                newTarget,
                newTransform,
                newConfidence,
                MappingStatus.ACTIVE,
                version + 1,
                provenance,
                createdAt,
                now,
                actor);
    }

    /** The next version in another status. */
    public FieldMapping withStatus(MappingStatus newStatus, Actor actor, Instant now) {
        return new FieldMapping(
                id,
                tenant,
                source,
                target,
                transform,
                confidence,
                newStatus,
                version + 1,
                provenance,
                createdAt,
                now,
                actor);
    }

    /**
     * A deprecated mapping brought back by a new decision: same id and history, next version, the
     * new content. The source keeps the spelling of the new request.
     */
    public FieldMapping revive(FieldMapping decision) {
        return new FieldMapping(
                id,
                tenant,
                decision.source(),
                decision.target(),
                decision.transform(),
                decision.confidence(),
                decision.status(),
                version + 1,
                decision.provenance(),
                createdAt,
                decision.updatedAt(),
                decision.updatedBy());
    }
}
