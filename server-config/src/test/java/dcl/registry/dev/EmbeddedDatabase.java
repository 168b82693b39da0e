package dcl.registry.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real PostgreSQL from Maven artifacts for the dev run, and keeps it running until the
 * Maven JVM that started it ends. The data survives restarts.
 *
 * <p>Arguments: {@code port dataDirectory [wlpDirectory serverName]}. When {@code DCL_DB_URL} is
 * set the service uses that database and nothing is started. Given the Liberty server, the database
 * stops only after it: the service never runs on without its database.
 */
public final class EmbeddedDatabase {
    static final String DATABASE = "dcl";
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {}

    public static void main(String[] args) throws IOException, SQLException {
        String configured = System.getenv("DCL_DB_URL");
        if (configured != null && !configured.isBlank()) {
            System.out.println(
                    "[dcl] DCL_DB_URL is set: using the configured database, no embedded"
                            + " PostgreSQL");
            return;
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(data);
        // this JVM's own hook stops the database, after the service (zonky's would race Liberty's)
        running = durable(port, data).setRegisterShutdownHook(false).start();
        Optional<LibertyServer> service =
                args.length > 3
                        ? Optional.of(new LibertyServer(Path.of(args[2]), args[3]))
                        : Optional.empty();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    // Ctrl-C reaches this hook and liberty:run's at once: the
                                    // service stops first, so no request
                                    // meets a database that is already gone.
                                    service.ifPresent(LibertyServer::stop);
                                    stop();
                                },
                                "embedded-postgres-stop"));
        createDatabaseIfMissing();
        System.out.println(
                "[dcl] embedded PostgreSQL 17 on port "
                        + port
                        + ", database '"
                        + DATABASE
                        + "', data in "
                        + data);
    }

    /**
     * A PostgreSQL that keeps every write it acknowledged. zonky's defaults suit throw-away test
     * data ({@code -F}: fsync off; {@code synchronous_commit=off}): a commit could be answered and
     * then lost when the server is killed. These settings come after {@code -F} on the command
     * line, so they win.
     */
    public static EmbeddedPostgres.Builder durable(int port, Path data) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    /**
     * The service's Liberty server. Ctrl-C reaches it at the same moment as this JVM, so it may
     * already be quiescing: ask it to stop with Liberty's own script, then wait until its status
     * says it has.
     */
    private record LibertyServer(Path wlp, String name) {
        private static final Duration LIMIT = Duration.ofSeconds(60);

        void stop() {
            script("stop");
            // A plain loop, not Awaitility: this runs in a shutdown hook, after exec:java has
            // closed
            // the class loader, so a library class not loaded yet can no longer be found.
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (script("status") == 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /**
         * Runs {@code bin/server <action> <name>}; its exit code (0 for "running" with {@code
         * status}).
         */
        private int script(String action) {
            try {
                Process process =
                        new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                return process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)
                        ? process.exitValue()
                        : -1;
            } catch (IOException e) {
                System.err.println(
                        "[dcl] could not run 'server "
                                + action
                                + " "
                                + name
                                + "': "
                                + e.getMessage());
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    private static void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = running.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("ALTER USER postgres PASSWORD 'postgres'");
        }
    }

    private static void stop() {
        try {
            running.close();
        } catch (IOException e) {
            System.err.println("[dcl] could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }
}
