package dcl.registry.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a mapping's history and of the audit trail: who did what, when, why, before and
 * after.
 */
public record MappingChange(
        TenantId tenant,
        MappingId mappingId,
        ChangeAction action,
        Actor actor,
        Instant at,
        Optional<String> reason,
        Optional<FieldMapping> before,
        Optional<FieldMapping> after) {

    public MappingChange {
        if (tenant == null || mappingId == null || action == null || actor == null || at == null) {
            throw new IllegalArgumentException(
                    "tenant, mappingId, action, actor and at are required");
        }
        if (reason == null || before == null || after == null) {
            throw new IllegalArgumentException(
                    "reason, before and after must be present or empty, not null");
        }
    }

    /**
     * The change that turned {@code before} (if any) into {@code after}, by after's author at
     * after's time.
     */
    public static MappingChange of(
            ChangeAction action,
            Optional<FieldMapping> before,
            FieldMapping after,
            Optional<String> reason) {
        return new MappingChange(
                after.tenant(),
                after.id(),
                action,
                after.updatedBy(),
                after.updatedAt(),
                reason,
                before,
                Optional.of(after));
    }

    /** The version this change produced (the last one known for a delete). */
    public long version() {
        return after.or(() -> before).map(FieldMapping::version).orElse(0L);
    }
}
