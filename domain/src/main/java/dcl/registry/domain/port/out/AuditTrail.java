package dcl.registry.domain.port.out;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/** The append-only record of every write; part of the same transaction as the write itself. */
public interface AuditTrail {
    void record(MappingChange change);

    /**
     * A change to a tenant setting (e.g. the source of truth), with its before and after values.
     */
    void recordSetting(
            TenantId tenant,
            Actor actor,
            Instant at,
            String setting,
            String before,
            String after,
            Optional<String> reason);
}
