package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/** Starting and following jobs over HTTP, and the jobs root the test servers share. */
final class Jobs {
  static final Path ROOT = Path.of(System.getProperty("dcl.it.jobs.root", "target/jobs-root"));
  private static final Path LEGACY = Path.of(System.getProperty("dcl.legacy.yaml", "../../shared/legacy-yaml"));
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

  private Jobs() {}

  /** Copies a legacy corpus (mappings or broken) into the jobs root; returns its path relative to the root. */
  static String corpus(String name) {
    Path target = ROOT.resolve("legacy").resolve(name);
    try {
      Files.createDirectories(target);
      try (var files = Files.list(LEGACY.resolve(name))) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "legacy/" + name;
  }

  static long start(Api api, String job, String body) {
    Api.Reply started = api.post("/dcl/jobs/" + job, body);
    assertEquals(202, started.status(), started.toString());
    return started.json().getJsonNumber("executionId").longValue();
  }

  /** Starts a job and waits for it to end; returns the final job document. */
  static JsonObject run(Api api, String job, String body) {
    return await(api, start(api, job, body));
  }

  static JsonObject await(Api api, long executionId) {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject job = api.get("/dcl/jobs/" + executionId).json();
      if (FINAL.contains(job.getString("status"))) {
        return job;
      }
      SecondNode.sleep(200);
    }
    throw new AssertionError("job " + executionId + " did not end");
  }
}
