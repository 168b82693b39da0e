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
 * Fails fast while PostgreSQL is out of reach. A call that fails to connect asks for a probe on a
 * connection of the gate's own ({@code jdbc/dcl-probe}, outside the pool, so an exhausted pool is
 * never taken for an outage); when the probe fails too the gate closes, and from then on the
 * database adapters refuse work at once (503) instead of each request waiting for connection
 * attempts. One probe per {@link #PROBE_INTERVAL} opens it again as soon as the database answers.
 * Requests never probe.
 */
@ApplicationScoped
public class DatabaseGate {
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final int PROBE_TIMEOUT_SECONDS = 1;
    private static final Logger LOG = Logger.getLogger(DatabaseGate.class.getName());

    @Resource(lookup = "jdbc/dcl-probe")
    DataSource probeSource;

    @Resource(lookup = "jdbc/dcl")
    DataSource dataSource;

    @Resource ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> probe;
    private volatile long closedAtNanos;
    private volatile boolean closed;
    private volatile boolean confirming;

    /** True while the database is known to be unreachable. */
    public boolean closed() {
        return closed;
    }

    /**
     * A call could not reach the database: confirm with a probe at once, off the caller's thread.
     */
    synchronized void suspect() {
        if (closed || confirming) {
            return;
        }
        confirming = true;
        scheduler.execute(
                () -> {
                    if (!answers(probeSource)) {
                        close();
                    }
                    confirming = false;
                });
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closedAtNanos = System.nanoTime();
        LOG.warning(
                "Database unreachable: database work is refused (503) until a probe succeeds;"
                        + " cached lookups go on");
        probe =
                scheduler.scheduleWithFixedDelay(
                        this::probe,
                        PROBE_INTERVAL.toMillis(),
                        PROBE_INTERVAL.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (answers(probeSource)) {
            // connections the pool kept from before the outage are dead: a statement on one fails
            // with a
            // connection error, which makes the pool discard them all, so requests get new ones
            for (int attempt = 0; attempt < 3 && !answers(dataSource); attempt++) {
                LOG.fine("Discarded connections that died with the database");
            }
            reopen();
        }
    }

    /**
     * A real statement rather than {@code isValid}, which on a dead pooled connection discards
     * nothing.
     */
    private static boolean answers(DataSource source) {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException down) {
            return false;
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
