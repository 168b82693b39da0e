package dcl.registry.adapters.persistence.cache;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

/**
 * Owns the embedded Infinispan cache manager: three caches in invalidation mode (a node keeps what
 * it read; removing an entry removes it on every node). Invalidation rather than replication
 * because every node can read any mapping from PostgreSQL itself: shipping values around would cost
 * network and memory for entries a node may never read, while a write only needs everyone to
 * forget.
 */
@ApplicationScoped
public class RegistryCaches {
    static final String LOOKUPS = "lookups";
    static final String MISSES = "misses";
    static final String TABLES = "tables";
    static final String CACHE_SPAN = "dcl.cache.read";
    private static final Logger LOG = Logger.getLogger(RegistryCaches.class.getName());

    @Inject CacheSettings settings;
    @Inject CacheMetrics metrics;
    @Inject Tracer tracer;

    private DefaultCacheManager manager;
    private Cache<String, Object> lookups;
    private Cache<String, Object> misses;
    private Cache<String, Object> tables;

    /** Starts the cache manager and joins the cluster; a bad setting stops the application here. */
    synchronized void start() {
        if (manager != null) {
            return;
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid cache configuration: " + String.join("; ", problems));
        }
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder();
        global.cacheManagerName(settings.cluster);
        global.jmx().disable();
        // The registry exports its own cache figures (CacheMetrics); Infinispan's would need
        // Micrometer and, without it, warn at every start (ISPN000714) that they fall back to none.
        global.metrics().gauges(false).histograms(false);
        if (settings.clustered()) {
            global.transport()
                    .defaultTransport()
                    .clusterName(settings.cluster)
                    .nodeName(settings.bindAddress + ":" + settings.port);
            switch (settings.discovery()) {
                case "static" ->
                        global.transport()
                                .addProperty(JGroupsTransport.CONFIGURATION_STRING, staticStack());
                // Infinispan's own stacks: TCP with multicast discovery, or the cloud discoveries
                // (see README).
                case "multicast" -> global.transport().stack("tcp");
                default -> global.transport().stack(settings.discovery());
            }
        }
        manager = new DefaultCacheManager(global.build());
        manager.defineConfiguration(LOOKUPS, configuration(settings.maxEntries));
        manager.defineConfiguration(MISSES, configuration(settings.maxMisses));
        manager.defineConfiguration(TABLES, configuration(Math.max(1, settings.maxEntries / 10)));
        lookups = manager.getCache(LOOKUPS);
        misses = manager.getCache(MISSES);
        tables = manager.getCache(TABLES);
        for (Cache<String, Object> cache : List.of(lookups, misses, tables)) {
            cache.addListener(metrics.listenerFor(cache.getName()));
        }
        metrics.register(this);
        LOG.info(
                () -> "Mapping cache started (" + settings.describe() + "), members: " + members());
    }

    private Configuration configuration(long maxCount) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.clustering()
                .cacheMode(settings.clustered() ? CacheMode.INVALIDATION_SYNC : CacheMode.LOCAL);
        builder.memory().maxCount(maxCount);
        builder.expiration().lifespan(settings.expiryDuration().toMillis(), TimeUnit.MILLISECONDS);
        builder.statistics().enable();
        return builder.build();
    }

    private String staticStack() {
        try (InputStream in = RegistryCaches.class.getResourceAsStream("/dcl-jgroups-static.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@BIND_ADDRESS@", settings.bindAddress)
                    .replace("@BIND_PORT@", Integer.toString(settings.port))
                    .replace("@INITIAL_HOSTS@", settings.members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cache<String, Object> lookups() {
        return lookups;
    }

    Cache<String, Object> misses() {
        return misses;
    }

    Cache<String, Object> tables() {
        return tables;
    }

    /**
     * A cache that fails is bypassed, loudly: the caller reads from the database, the error is
     * counted and logged.
     */
    @SuppressWarnings("try") // the scope is only closed: it makes the span current while it is open
    Object read(Cache<String, Object> cache, String key) {
        // A child span only inside a traced request: jobs read outside any request, and a root
        // trace for each of their reads would drown the collector.
        if (!Span.current().getSpanContext().isValid()) {
            return guarded(cache, () -> cache.get(key));
        }
        Span span = tracer.spanBuilder(CACHE_SPAN).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return guarded(cache, () -> cache.get(key));
        } finally {
            span.end();
        }
    }

    /** Keeps a value read from the database; never overwrites what is there. */
    void keep(Cache<String, Object> cache, String key, Object value) {
        guarded(
                cache,
                () -> {
                    cache.putForExternalRead(key, value);
                    return null;
                });
    }

    private Object guarded(Cache<String, Object> cache, Supplier<Object> operation) {
        if (!running()) {
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

    boolean running() {
        return manager != null && manager.getStatus().allowInvocations();
    }

    /** The cluster members as this node sees them. */
    List<String> members() {
        if (manager == null || manager.getMembers() == null) {
            return List.of("local");
        }
        return manager.getMembers().stream().map(Object::toString).toList();
    }

    @PreDestroy
    synchronized void stop() {
        if (manager != null) {
            manager.stop();
            manager = null;
        }
    }
}
