package dcl.registry.adapters.persistence.cache;

import dcl.registry.adapters.persistence.JpaMappingRepository;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * The read side with the cache in front: identity lookups (found and not found) and table sets come
 * from the cache when it has them, else from PostgreSQL, and are then kept. Entries are only ever
 * added with putForExternalRead, which never invalidates other nodes; writes invalidate after
 * commit ({@link CacheInvalidation}). Lists, searches and reads by id go to the database.
 */
@ApplicationScoped
public class CachedMappingReads implements LoadMappings {
    private static final Logger LOG = Logger.getLogger(CachedMappingReads.class.getName());

    @Inject JpaMappingRepository database;
    @Inject RegistryCaches caches;
    @Inject CacheMetrics metrics;

    @Override
    public Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
        String key = CacheKeys.lookup(tenant, source);
        Object found = get(caches.lookups(), key);
        if (found instanceof FieldMapping mapping) {
            metrics.hit(RegistryCaches.LOOKUPS);
            return Optional.of(mapping);
        }
        if (get(caches.misses(), key) != null) {
            metrics.hit(RegistryCaches.LOOKUPS);
            return Optional.empty();
        }
        metrics.miss(RegistryCaches.LOOKUPS);
        Optional<FieldMapping> loaded = database.byIdentity(tenant, source);
        if (loaded.isPresent()) {
            keep(caches.lookups(), key, loaded.get());
        } else {
            keep(caches.misses(), key, true);
        }
        return loaded;
    }

    @Override
    public TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table) {
        String key = CacheKeys.table(tenant, connector, table);
        if (get(caches.tables(), key) instanceof TableMappingSet cached) {
            metrics.hit(RegistryCaches.TABLES);
            return cached;
        }
        metrics.miss(RegistryCaches.TABLES);
        TableMappingSet loaded = database.table(tenant, connector, table);
        keep(caches.tables(), key, loaded);
        return loaded;
    }

    @Override
    public Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
        return database.byId(tenant, id);
    }

    @Override
    public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
        return database.search(tenant, query, page);
    }

    /** Fills the cache with mappings read in bulk (warming); never overwrites what is there. */
    void preload(FieldMapping mapping) {
        keep(caches.lookups(), CacheKeys.lookup(mapping.tenant(), mapping.source()), mapping);
    }

    void preload(TenantId tenant, TableMappingSet set) {
        keep(caches.tables(), CacheKeys.table(tenant, set.connector(), set.table()), set);
    }

    /**
     * A cache that fails is bypassed, loudly: the read goes to the database, the error is counted
     * and logged.
     */
    private Object get(Cache<String, Object> cache, String key) {
        return guarded(cache, () -> cache.get(key));
    }

    private void keep(Cache<String, Object> cache, String key, Object value) {
        guarded(
                cache,
                () -> {
                    cache.putForExternalRead(key, value);
                    return null;
                });
    }

    private Object guarded(Cache<String, Object> cache, Supplier<Object> operation) {
        if (!caches.running()) {
            metrics.error(cache == null ? "unavailable" : cache.getName());
            return null;
        }
        try {
            return operation.get();
        } catch (RuntimeException e) {
            metrics.error(cache.getName());
            LOG.log(
                    Level.WARNING,
                    "Mapping cache degraded, reading from the database: " + e.getMessage());
            return null;
        }
    }
}
