package dcl.registry.adapters.persistence.cache;

import static dcl.registry.domain.port.out.MappingContractFixtures.ACME;
import static dcl.registry.domain.port.out.MappingContractFixtures.mapping;
import static dcl.registry.domain.port.out.MappingContractFixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.adapters.persistence.MappingWritten;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.InMemoryMappings;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.LoadMappingsContract;
import dcl.registry.domain.port.out.StoreMappings;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache layer keeps the read contract over the in-memory double, on a real (local) Infinispan:
 * each write is followed, as after a commit, by the invalidation the application does.
 */
class CachedMappingReadsContractTest extends LoadMappingsContract {
    private static final RegistryCaches CACHES = new RegistryCaches();
    private static final CacheMetrics METRICS = new UncountedMetrics();

    private final InMemoryMappings store = new InMemoryMappings();
    private final LoadMappings cached = new CachedMappingReads(store, CACHES, METRICS);
    private final CacheInvalidation invalidation = new CacheInvalidation();

    @BeforeAll
    @SuppressWarnings("UnnecessaryAssignment") // outside CDI, the test injects
    static void startCaches() {
        CacheSettings settings = new CacheSettings();
        settings.discovery = "local";
        settings.cluster = "dcl-contract";
        settings.bindAddress = "127.0.0.1";
        settings.members = "127.0.0.1[7800]";
        settings.port = 7800;
        settings.maxEntries = 1000;
        settings.maxMisses = 1000;
        settings.expiry = "PT10M";
        settings.warm = "none";
        settings.secondPass = "PT0.3S";
        CACHES.settings = settings;
        CACHES.metrics = METRICS;
        CACHES.start();
    }

    @AfterAll
    static void stopCaches() {
        CACHES.stop();
    }

    @BeforeEach
    @SuppressWarnings("UnnecessaryAssignment") // outside CDI, the test injects
    void emptyCaches() {
        CACHES.lookups().clear();
        CACHES.misses().clear();
        CACHES.tables().clear();
        invalidation.caches = CACHES;
        invalidation.metrics = METRICS;
    }

    @Override
    protected LoadMappings reads() {
        return cached;
    }

    @Override
    protected StoreMappings store() {
        return new StoreMappings() {
            @Override
            public FieldMapping insert(FieldMapping mapping) {
                return committed(store.insert(mapping));
            }

            @Override
            public FieldMapping update(FieldMapping next) {
                return committed(store.update(next));
            }
        };
    }

    private FieldMapping committed(FieldMapping written) {
        invalidation.forget(new MappingWritten(written.tenant(), written.source()));
        return written;
    }

    @Test
    void givenAServedMappingReadOnce_whenAskedInMemory_thenTheCacheAnswersIt() {
        FieldMapping stored =
                store().insert(
                                mapping(
                                        ACME,
                                        source("salesforce", "opportunity", "amount"),
                                        MappingStatus.ACTIVE));
        assertEquals(Optional.empty(), cached.servedInMemory(ACME, stored.source()), "never read");
        cached.byIdentity(ACME, stored.source());
        assertEquals(Optional.of(stored), cached.servedInMemory(ACME, stored.source()));
    }

    /** Counts nothing: these tests need no metric registry. */
    private static final class UncountedMetrics extends CacheMetrics {
        @Override
        void hit(String cache, TenantId tenant) {}

        @Override
        void miss(String cache, TenantId tenant) {}

        @Override
        void invalidated(String cache) {}

        @Override
        void error(String cache) {}

        @Override
        void register(RegistryCaches caches) {}
    }
}
