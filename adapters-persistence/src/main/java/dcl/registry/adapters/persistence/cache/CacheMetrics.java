package dcl.registry.adapters.persistence.cache;

import dcl.registry.domain.model.TenantId;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntriesEvicted;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryInvalidated;
import org.infinispan.notifications.cachelistener.event.CacheEntriesEvictedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryInvalidatedEvent;

/**
 * Cache figures for /metrics: hits, misses, hit ratio, evictions, invalidations (local and from
 * other nodes), errors, and the entry count, per cache ({@code cache} tag).
 */
@ApplicationScoped
public class CacheMetrics {
    /**
     * Whether the request's read came from the cache, on the request's span (mpTelemetry), so a
     * slow trace shows at once whether the database was asked. A no-op while tracing is off. The
     * request's log lines say the same ({@link CacheHitLogField}).
     */
    static final String CACHE_HIT_ATTRIBUTE = "dcl.cache.hit";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private final RuntimeCacheReads runtimeReads = new RuntimeCacheReads();

    /** A hit of one of the runtime's caches (single lookups, table sets) for a tenant. */
    void hit(String cache, TenantId tenant) {
        runtimeReads.count(tenant, true);
        counter("dcl_cache_hits", cache).inc();
        Span.current().setAttribute(CACHE_HIT_ATTRIBUTE, true);
        CacheHitLogField.record(true);
    }

    void miss(String cache, TenantId tenant) {
        runtimeReads.count(tenant, false);
        counter("dcl_cache_misses", cache).inc();
        Span.current().setAttribute(CACHE_HIT_ATTRIBUTE, false);
        CacheHitLogField.record(false);
    }

    void invalidated(String cache) {
        counter("dcl_cache_invalidations", cache).inc();
    }

    void error(String cache) {
        counter("dcl_cache_errors", cache).inc();
    }

    long count(String name, String cache) {
        return counter(name, cache).getCount();
    }

    void register(RegistryCaches caches) {
        for (String cache :
                new String[] {
                    RegistryCaches.LOOKUPS, RegistryCaches.MISSES, RegistryCaches.TABLES
                }) {
            Tag tag = new Tag("cache", cache);
            registry.gauge("dcl_cache_hit_ratio", this, m -> m.ratio(cache), tag);
            registry.gauge(
                    "dcl_cache_entries", caches, c -> c.running() ? sizeOf(c, cache) : 0, tag);
        }
    }

    private static long sizeOf(RegistryCaches caches, String cache) {
        return switch (cache) {
            case RegistryCaches.LOOKUPS ->
                    caches.lookups().getAdvancedCache().getDataContainer().sizeIncludingExpired();
            case RegistryCaches.MISSES ->
                    caches.misses().getAdvancedCache().getDataContainer().sizeIncludingExpired();
            default -> caches.tables().getAdvancedCache().getDataContainer().sizeIncludingExpired();
        };
    }

    /** The runtime's cache reads per tenant since the last call: for the SLO. */
    public Map<TenantId, RuntimeCacheReads.Taken> takeRuntimeReads() {
        return runtimeReads.take();
    }

    /** Hits over all reads since start, 0 before the first read. */
    double ratio(String cache) {
        long hits = count("dcl_cache_hits", cache);
        long total = hits + count("dcl_cache_misses", cache);
        return total == 0 ? 0.0 : (double) hits / total;
    }

    /** Kept once looked up: the hot path counts a hit on every cached lookup. */
    private Counter counter(String name, String cache) {
        return counters.computeIfAbsent(
                name + ' ' + cache, key -> registry.counter(name, new Tag("cache", cache)));
    }

    Object listenerFor(String cache) {
        return new EventCounter(cache);
    }

    /** Counts evictions and invalidations (including those another node sent) of one cache. */
    @Listener(observation = Listener.Observation.POST)
    public final class EventCounter {
        private final String cache;

        EventCounter(String cache) {
            this.cache = cache;
        }

        @CacheEntriesEvicted
        public void evicted(CacheEntriesEvictedEvent<?, ?> event) {
            counter("dcl_cache_evictions", cache).inc(event.getEntries().size());
        }

        @CacheEntryInvalidated
        public void invalidated(CacheEntryInvalidatedEvent<?, ?> event) {
            if (!event.isOriginLocal()) {
                counter("dcl_cache_remote_invalidations", cache).inc();
            }
        }
    }
}
