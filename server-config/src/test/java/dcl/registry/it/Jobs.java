package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;

/** Starting and following jobs over HTTP, and the jobs root the test servers share. */
final class Jobs {
    static final Path ROOT = Path.of(System.getProperty("dcl.it.jobs.root", "target/jobs-root"));
    private static final Path LEGACY =
            Path.of(
                    System.getProperty(
                            "dcl.legacy.yaml", "../adapters-aam/src/test/resources/legacy-yaml"));
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private Jobs() {}

    /**
     * Copies a legacy corpus (mappings or broken) into the tenant's jobs folder; returns its path
     * relative to that folder.
     */
    static String corpus(String tenant, String name) {
        copy(LEGACY.resolve(name), ROOT.resolve(tenant).resolve("legacy").resolve(name));
        return "legacy/" + name;
    }

    /** Copies a folder's files, as an operator handing files from one tenant to another would. */
    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(
                            file,
                            to.resolve(file.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return Awaitility.await("job " + executionId + " ends")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/dcl/jobs/" + executionId).json(),
                        job -> FINAL.contains(job.getString("status")));
    }
}
