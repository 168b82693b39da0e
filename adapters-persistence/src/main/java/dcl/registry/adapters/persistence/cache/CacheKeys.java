package dcl.registry.adapters.persistence.cache;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;

/** Cache keys are strings (cheap to send in invalidations): tenant, connector, table key, field. */
final class CacheKeys {
    private static final char SEPARATOR = '\u0000';

    private CacheKeys() {}

    static String lookup(TenantId tenant, SourceRef source) {
        return table(tenant, source.connector(), source.table())
                + SEPARATOR
                + source.field().name();
    }

    static String table(TenantId tenant, ConnectorId connector, SourceTable table) {
        return tenant.value() + SEPARATOR + connector.value() + SEPARATOR + table.key();
    }
}
