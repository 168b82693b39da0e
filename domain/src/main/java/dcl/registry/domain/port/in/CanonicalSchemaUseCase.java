package dcl.registry.domain.port.in;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/**
 * Reads a tenant's canonical schema (the default CRM model until an admin changes it) and defines
 * entities.
 */
public interface CanonicalSchemaUseCase {
    CanonicalSchema schema(TenantId tenant);

    /** Defines or replaces an entity; true when it was new. */
    boolean define(TenantId tenant, Actor actor, CanonicalEntity entity, Optional<String> reason);

    /** Removes an entity from the tenant's model (mappings pointing to it stay as they are). */
    void remove(TenantId tenant, Actor actor, String entity, Optional<String> reason);
}
