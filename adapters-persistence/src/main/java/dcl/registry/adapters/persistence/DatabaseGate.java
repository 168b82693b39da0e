package dcl.registry.adapters.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Fails fast while PostgreSQL is out of reach. The first call that finds it unreachable closes the
 * gate; from then on database work is refused at once (503) instead of each request waiting for
 * connection attempts and retries, and one probe per {@link #PROBE_INTERVAL} opens it again as soon as
 * the database answers. Requests never probe: an outage costs them nothing but the refusal.
 */
@ApplicationScoped
public class DatabaseGate {
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  private static final int PROBE_TIMEOUT_SECONDS = 1;
  private static final Logger LOG = Logger.getLogger(DatabaseGate.class.getName());

  @Resource(lookup = "jdbc/dcl")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> probe;
  private volatile long closedAtNanos;
  private volatile boolean closed;

  /** True while the database is known to be unreachable. */
  public boolean closed() {
    return closed;
  }

  synchronized void unreachable() {
    if (closed) {
      return;
    }
    closed = true;
    closedAtNanos = System.nanoTime();
    LOG.warning("Database unreachable: database work is refused (503) until a probe succeeds; cached lookups go on");
    probe = scheduler.scheduleWithFixedDelay(this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * A real statement rather than {@code isValid}: on a pooled connection that died with the database
   * it fails with a connection error, which makes the pool discard its dead connections, so the next
   * probe gets a new one.
   */
  private void probe() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
      statement.execute("SELECT 1");
      reopen();
    } catch (SQLException stillDown) {
      // the next probe tries again
    }
  }

  private synchronized void reopen() {
    if (!closed) {
      return;
    }
    closed = false;
    probe.cancel(false);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closedAtNanos);
    LOG.info(() -> "Database reachable again after " + seconds + " s: database work resumes");
  }

  @PreDestroy
  synchronized void stop() {
    if (probe != null) {
      probe.cancel(false);
    }
  }
}
