package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.SemanticIndex;
import dcl.registry.adapters.persistence.MappingWritten;
import dcl.registry.adapters.persistence.RegistryRestored;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the semantic index in step with PostgreSQL: loaded in the background at start (the {@code
 * rag} strategy says it is warming until then), reloaded after a restore, and following the
 * database's write order — at once after a write on this node, every {@code
 * dcl.semantic-index.catch-up-interval} (2 s) for writes made on other nodes. One batched query per
 * {@code dcl.semantic-index.catch-up-batch} (1,000) writes; embedding happens off the writer's
 * thread, so writes never wait for the model.
 */
@ApplicationScoped
public class SemanticIndexLifecycle {
    private static final Logger LOG = Logger.getLogger(SemanticIndexLifecycle.class.getName());

    /**
     * How often this node looks for mapping writes made elsewhere (its own writes ask at once), and
     * how many it reads per query.
     */
    private final WiringSettings settings = WiringSettings.configured();

    @Resource ManagedExecutorService executor;
    @Resource ManagedScheduledExecutorService scheduler;
    @Inject SemanticIndex index;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock draining = new ReentrantLock();
    private volatile ScheduledFuture<?> catchUpTask;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.execute(() -> load("loaded"));
        catchUpTask =
                scheduler.scheduleWithFixedDelay(
                        this::drain,
                        settings.semanticIndexCatchUp().toMillis(),
                        settings.semanticIndexCatchUp().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** The schedule outlives nothing: a stopped (or redeployed) application stops catching up. */
    @PreDestroy
    void stop() {
        if (catchUpTask != null) {
            catchUpTask.cancel(false);
        }
    }

    /**
     * A committed write here: catch up now (one drain for any number of writes arriving meanwhile).
     */
    void afterWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) MappingWritten written) {
        if (requested.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    void afterRestore(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryRestored restored) {
        executor.execute(() -> load("reloaded after a restore"));
    }

    private void load(String what) {
        draining.lock();
        try {
            index.rebuild();
        } catch (RuntimeException failed) {
            LOG.log(
                    Level.SEVERE,
                    "The semantic index could not be "
                            + what
                            + "; rag answers stay unavailable until it is",
                    failed);
        } finally {
            draining.unlock();
        }
    }

    private void drain() {
        requested.set(false);
        if (!draining.tryLock()) {
            return; // a load or another drain is running: it, or the next scheduled round, takes
            // these writes too
        }
        try {
            int batch = settings.semanticIndexCatchUpBatch();
            while (index.catchUp(batch) == batch) {
                // a full batch: more writes are waiting
            }
        } catch (RuntimeException failed) {
            LOG.log(
                    Level.WARNING,
                    "Semantic index catch-up failed; next attempt in "
                            + settings.semanticIndexCatchUp().toMillis()
                            + " ms",
                    failed);
        } finally {
            draining.unlock();
        }
    }
}
