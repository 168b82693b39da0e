package dcl.registry.adapters.persistence.cache;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.LoadMappings;
import java.util.Optional;

/**
 * The cache layer of the mapping read stack: identity lookups (found and not found) and table sets
 * come from the cache when it has them, else from the layer below (the store), and are then kept.
 * Entries are only ever added with putForExternalRead, which never invalidates other nodes; writes
 * invalidate after commit ({@link CacheInvalidation}). Lists, searches and reads by id go to the
 * store.
 */
public class CachedMappingReads implements LoadMappings {
    private final LoadMappings store;
    private final RegistryCaches caches;
    private final CacheMetrics metrics;

    public CachedMappingReads(LoadMappings store, RegistryCaches caches, CacheMetrics metrics) {
        this.store = store;
        this.caches = caches;
        this.metrics = metrics;
    }

    @Override
    public Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
        String key = CacheKeys.lookup(tenant, source);
        Object found = caches.read(caches.lookups(), key);
        if (found instanceof FieldMapping mapping) {
            metrics.hit(RegistryCaches.LOOKUPS, tenant);
            return Optional.of(mapping);
        }
        if (caches.read(caches.misses(), key) != null) {
            metrics.hit(RegistryCaches.LOOKUPS, tenant);
            return Optional.empty();
        }
        metrics.miss(RegistryCaches.LOOKUPS, tenant);
        Optional<FieldMapping> loaded = store.byIdentity(tenant, source);
        if (loaded.isPresent()) {
            caches.keep(caches.lookups(), key, loaded.get());
        } else {
            caches.keep(caches.misses(), key, true);
        }
        return loaded;
    }

    /**
     * A hit only when the cache holds a served mapping: anything else is left, uncounted, to {@link
     * #byIdentity}, so no read is counted twice.
     */
    @Override
    public Optional<FieldMapping> servedInMemory(TenantId tenant, SourceRef source) {
        if (caches.read(caches.lookups(), CacheKeys.lookup(tenant, source))
                        instanceof FieldMapping mapping
                && mapping.isServed()) {
            metrics.hit(RegistryCaches.LOOKUPS, tenant);
            return Optional.of(mapping);
        }
        return Optional.empty();
    }

    @Override
    public TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table) {
        String key = CacheKeys.table(tenant, connector, table);
        if (caches.read(caches.tables(), key) instanceof TableMappingSet cached) {
            metrics.hit(RegistryCaches.TABLES, tenant);
            return cached;
        }
        metrics.miss(RegistryCaches.TABLES, tenant);
        TableMappingSet loaded = store.table(tenant, connector, table);
        caches.keep(caches.tables(), key, loaded);
        return loaded;
    }

    @Override
    public Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
        return store.byId(tenant, id);
    }

    @Override
    public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
        return store.search(tenant, query, page);
    }
}
