package dcl.registry.it;

import dcl.registry.dev.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * The integration tests' PostgreSQL: a real server from Maven artifacts, started once by the test
 * JVM before the first deployment, on the port the test Liberty servers are configured with. Tests
 * may stop and start it to exercise a database outage.
 */
final class TestDatabase {
    static final int PORT = Integer.getInteger("dcl.it.db.port", 54329);
    private static final Path DATA =
            Path.of(System.getProperty("dcl.it.db.dir", "target/it-postgres"));
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    static synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        wipe();
        start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE dcl");
            s.execute("ALTER USER postgres PASSWORD 'postgres'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-postgres-stop"));
    }

    /** Stops the server the hard way a crash or an outage would: connections drop. */
    static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /**
     * Kills every PostgreSQL process with SIGKILL, as a crash or an OOM killer would: no shutdown,
     * no checkpoint. Only what PostgreSQL had made durable survives the next {@link #start()}.
     */
    static synchronized void kill() {
        if (server == null) {
            return;
        }
        try {
            long pid =
                    Long.parseLong(
                            Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            server.close(); // releases this JVM's lock on the data folder; its pg_ctl stop finds
            // nothing to stop
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill the test PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    /** Starts the server again on the same data and port. */
    static synchronized void start() {
        try {
            Files.createDirectories(DATA);
            server = EmbeddedDatabase.durable(PORT, DATA).start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start the test PostgreSQL on port " + PORT, e);
        }
    }

    /** A new, empty database on the same server (migrated by whichever service connects first). */
    static synchronized void createDatabase(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /**
     * One text column of the registry database's rows, for tests that check what was written (e.g.
     * the audit trail).
     */
    static synchronized java.util.List<String> texts(String sql, String parameter) {
        try (Connection c = server.getDatabase("postgres", "dcl").getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the registry database", e);
        }
    }

    /**
     * Writes to the registry database behind the service's back, as another node (or another
     * version of the service) would.
     */
    static synchronized int update(String sql, Object... parameters) {
        try (Connection c = server.getDatabase("postgres", "dcl").getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the registry database", e);
        }
    }

    static synchronized boolean running() {
        return server != null;
    }

    private static void wipe() {
        if (!Files.exists(DATA)) {
            return;
        }
        try (var paths = Files.walk(DATA)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
