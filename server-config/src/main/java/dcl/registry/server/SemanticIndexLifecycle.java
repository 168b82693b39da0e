package dcl.registry.server;

import dcl.registry.adapters.persistence.MappingWritten;
import dcl.registry.adapters.persistence.RegistryRestored;
import dcl.registry.application.SemanticIndex;
import dcl.registry.application.TransactionBoundary;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the semantic index in step with PostgreSQL: loaded in the background at start (the {@code rag}
 * strategy says it is warming until then), refreshed after every committed mapping write, reloaded after a
 * restore, and every few seconds for writes made on other nodes (read from the database's write order).
 * Embedding happens off the writer's thread, so writes never wait for the model.
 */
@ApplicationScoped
public class SemanticIndexLifecycle {
  private static final Logger LOG = Logger.getLogger(SemanticIndexLifecycle.class.getName());

  /** How often this node picks up mapping writes made on other nodes. */
  static final long CATCH_UP_SECONDS = 5;
  static final int CATCH_UP_BATCH = 1_000;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SemanticIndex index;
  @Inject TransactionBoundary transactions;
  private volatile ScheduledFuture<?> catchUpTask;

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.execute(() -> {
      try {
        index.rebuild();
      } catch (RuntimeException failed) {
        LOG.log(Level.SEVERE, "The semantic index could not be loaded; rag proposals stay unavailable", failed);
      }
    });
    catchUpTask = scheduler.scheduleWithFixedDelay(this::catchUp, CATCH_UP_SECONDS, CATCH_UP_SECONDS, TimeUnit.SECONDS);
  }

  /** The schedule outlives nothing: a stopped (or redeployed) application stops catching up. */
  @PreDestroy
  void stop() {
    if (catchUpTask != null) {
      catchUpTask.cancel(false);
    }
  }

  private void catchUp() {
    try {
      int refreshed;
      do {
        refreshed = transactions.inTransaction(() -> index.catchUp(CATCH_UP_BATCH));
      } while (refreshed == CATCH_UP_BATCH);
    } catch (RuntimeException failed) {
      LOG.log(Level.WARNING, "Semantic index catch-up failed; next attempt in " + CATCH_UP_SECONDS + " s", failed);
    }
  }

  void afterWrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) MappingWritten written) {
    executor.execute(() -> {
      try {
        transactions.inTransaction(() -> {
          index.refresh(written.tenant(), written.source());
          return null;
        });
      } catch (RuntimeException failed) {
        LOG.log(Level.WARNING, "Semantic index not refreshed for " + written.source() + " of tenant " + written.tenant(), failed);
      }
    });
  }

  void afterRestore(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryRestored restored) {
    executor.execute(() -> {
      try {
        index.rebuild();
      } catch (RuntimeException failed) {
        LOG.log(Level.SEVERE, "The semantic index could not be reloaded after a restore", failed);
      }
    });
  }
}
