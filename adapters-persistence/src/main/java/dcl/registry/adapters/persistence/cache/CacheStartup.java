package dcl.registry.adapters.persistence.cache;

import dcl.registry.adapters.persistence.JpaMappingRepository;
import dcl.registry.adapters.persistence.JpaMappingRepository.TableOfTenant;
import dcl.registry.adapters.persistence.SchemaMigrations;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.TableMappingSet;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the cache with the application (after the schema), then warms it when configured. */
@ApplicationScoped
public class CacheStartup {
    private static final Logger LOG = Logger.getLogger(CacheStartup.class.getName());

    @Inject RegistryCaches caches;
    @Inject CacheSettings settings;
    @Inject JpaMappingRepository database;

    void start(
            @Observes
                    @Initialized(ApplicationScoped.class) @Priority(SchemaMigrations.STARTUP_ORDER + 100)
                    Object started) {
        caches.start();
        if (settings.warmSmallTenants()) {
            warm();
        }
    }

    /** All ACTIVE mappings of small tenants, smallest tenants first, up to the configured bound. */
    private void warm() {
        long begin = System.nanoTime();
        int mappings = 0;
        try {
            List<TableOfTenant> tables =
                    database.tablesOfSmallTenants(
                            settings.warmMaxTenantMappings, settings.warmMaxEntries);
            for (TableOfTenant table : tables) {
                if (mappings >= settings.warmMaxEntries) {
                    break;
                }
                TableMappingSet set =
                        database.table(table.tenant(), table.connector(), table.table());
                caches.keep(
                        caches.tables(),
                        CacheKeys.table(table.tenant(), set.connector(), set.table()),
                        set);
                for (FieldMapping mapping : set.fields().values()) {
                    caches.keep(
                            caches.lookups(),
                            CacheKeys.lookup(mapping.tenant(), mapping.source()),
                            mapping);
                    mappings++;
                }
            }
            int loaded = mappings;
            LOG.info(
                    () ->
                            String.format(
                                    "Mapping cache warmed: %d mappings of %d tables in %d ms",
                                    loaded,
                                    tables.size(),
                                    (System.nanoTime() - begin) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Mapping cache warming stopped after "
                            + mappings
                            + " mappings; lookups load on demand",
                    e);
        }
    }
}
