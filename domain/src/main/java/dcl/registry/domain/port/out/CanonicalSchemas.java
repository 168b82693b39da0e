package dcl.registry.domain.port.out;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/** Where tenants' canonical schemas are kept. */
public interface CanonicalSchemas {
    /** The tenant's schema, empty when none was ever installed. */
    Optional<CanonicalSchema> find(TenantId tenant);

    /** Installs a whole schema for a tenant that has none. */
    void install(TenantId tenant, CanonicalSchema schema, String actor);

    /** Defines or replaces one entity. */
    void save(TenantId tenant, CanonicalEntity entity, String actor);

    /** Removes one entity; false when there was none of that name. */
    boolean remove(TenantId tenant, String entity);
}
