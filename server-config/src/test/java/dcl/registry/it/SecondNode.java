package dcl.registry.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A second Liberty server with the same WAR (dcl-it-b), clustered with the Arquillian-managed one
 * through the cache on loopback and sharing its PostgreSQL. Started and stopped with Liberty's own
 * {@code server} script.
 */
final class SecondNode implements AutoCloseable {
  static final int HTTP_PORT = Integer.getInteger("dcl.it.b.http.port", 19081);
  private static final String NAME = "dcl-it-b";
  private final Path wlp = Path.of(System.getProperty("dcl.wlp.home", "target/liberty/wlp"));

  static SecondNode start() {
    SecondNode node = new SecondNode();
    node.script("start");
    node.awaitReady(Duration.ofSeconds(120));
    return node;
  }

  String base() {
    return "http://localhost:" + HTTP_PORT;
  }

  private void awaitReady(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Api.anonymous().at(base()).get("/health/ready").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      sleep(500);
    }
    throw new IllegalStateException(NAME + " did not become ready within " + limit + "; see " + wlp
        .resolve("usr/servers/" + NAME + "/logs/messages.log"));
  }

  @Override
  public void close() {
    script("stop");
  }

  private void script(String action) {
    try {
      Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, NAME)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 && !"stop".equals(action)) {
        throw new IllegalStateException("server " + action + " " + NAME + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
