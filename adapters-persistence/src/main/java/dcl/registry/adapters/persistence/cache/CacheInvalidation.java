package dcl.registry.adapters.persistence.cache;

import dcl.registry.adapters.persistence.MappingWritten;
import dcl.registry.adapters.persistence.RegistryRestored;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * After a write commits (never before), removes the written identity's lookup, its not-found entry
 * and its table set on every node. A read that started before the commit may still put the old
 * value back a moment later; a second removal shortly after ({@code
 * dcl.cache.invalidation.second-pass}) closes that window.
 */
@ApplicationScoped
public class CacheInvalidation {
    private static final Logger LOG = Logger.getLogger(CacheInvalidation.class.getName());

    @Inject RegistryCaches caches;
    @Inject CacheMetrics metrics;
    @Inject CacheSettings settings;

    @Resource ManagedScheduledExecutorService scheduler;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MappingWritten written) {
        forget(written);
        // forget() records its own failures in the metrics, so the future holds nothing to wait
        // for.
        var unused =
                scheduler.schedule(
                        () -> forget(written),
                        settings.secondPassDuration().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /**
     * A restore writes around the per-mapping path: every node forgets everything once it commits.
     */
    void afterRestore(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryRestored restored) {
        if (caches.running()) {
            caches.lookups().clear();
            caches.misses().clear();
            caches.tables().clear();
            LOG.info("Mapping cache cleared on every node after a restore");
        }
    }

    /** Removes the written identity's lookup, its not-found entry and its table set. */
    void forget(MappingWritten written) {
        if (!caches.running()) {
            return;
        }
        String lookup = CacheKeys.lookup(written.tenant(), written.source());
        remove(caches.lookups(), lookup);
        remove(caches.misses(), lookup);
        remove(
                caches.tables(),
                CacheKeys.table(
                        written.tenant(), written.source().connector(), written.source().table()));
    }

    private void remove(Cache<String, Object> cache, String key) {
        try {
            cache.remove(key);
            metrics.invalidated(cache.getName());
        } catch (RuntimeException e) {
            // The entry may live on until it expires: say so loudly.
            metrics.error(cache.getName());
            LOG.log(
                    Level.SEVERE,
                    "Cache invalidation failed for " + cache.getName() + "; stale until expiry",
                    e);
        }
    }
}
