package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An import interrupted by a server stop restarts where it stopped and completes. */
class JobRestartIT extends DeployedRegistry {
    private static final int FILES = 12;
    private static final int FIELDS_PER_FILE = 500;

    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    @Test
    void givenAnImportRunning_whenItsServerStops_thenARestartCompletesItFromTheCheckpoint()
            throws IOException {
        String folder = generatedCorpus();
        int total = FILES * FIELDS_PER_FILE;
        long first;
        try (SecondNode node = SecondNode.start()) {
            Api onB = admin.at(node.base());
            first = Jobs.start(onB, "yaml-import", "{\"path\":\"" + folder + "\"}");
            awaitProgress(onB, first, 1000);
            node.stopNow();
        }
        try (SecondNode node = SecondNode.start()) {
            Api onB = admin.at(node.base());
            JsonObject interrupted = onB.get("/dcl/jobs/" + first).json();
            long processedBefore =
                    interrupted.getJsonObject("progress").getJsonNumber("processed").longValue();
            System.out.println(
                    "[restart] interrupted job "
                            + first
                            + " is "
                            + interrupted.getString("status")
                            + " after "
                            + processedBefore
                            + " of "
                            + total);
            assertTrue(
                    processedBefore > 0 && processedBefore < total,
                    "the stop came mid-run: " + processedBefore);

            Api.Reply restarted = onB.post("/dcl/jobs/" + first + "/restart", "{}");
            assertEquals(202, restarted.status(), restarted.toString());
            JsonObject done =
                    Jobs.await(onB, restarted.json().getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            JsonObject report = done.getJsonObject("report");
            assertEquals(total, done.getJsonObject("progress").getInt("processed"));
            assertEquals(
                    total,
                    report.getInt("imported") + report.getInt("unchanged"),
                    "each entry counted once across the interruption");
            assertTrue(
                    report.getInt("imported") >= total - 200,
                    "entries committed before the stop were not redone");
        }
        JsonObject parity =
                Jobs.run(admin, "parity-check", "{\"path\":\"" + folder + "\"}")
                        .getJsonObject("report");
        assertEquals(total, parity.getInt("compared"));
        assertEquals(0, parity.getJsonArray("mismatches").size());
    }

    private static void awaitProgress(Api api, long id, long processed) {
        Awaitility.await("the import reaches " + processed + " entries")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                api.get("/dcl/jobs/" + id)
                                        .json()
                                        .getJsonObject("progress")
                                        .getJsonNumber("processed")
                                        .longValue(),
                        done -> done >= processed);
    }

    private String generatedCorpus() throws IOException {
        Path folder = Jobs.ROOT.resolve(tenant).resolve("generated").resolve(tenant);
        Files.createDirectories(folder);
        for (int f = 0; f < FILES; f++) {
            StringBuilder yaml =
                    new StringBuilder("connector: gen" + f + "\nversion: 1\ntables:\n");
            for (int t = 0; t < 5; t++) {
                yaml.append("  Table")
                        .append(t)
                        .append(":\n    entity: entity")
                        .append(t)
                        .append("\n    fields:\n");
                for (int i = 0; i < FIELDS_PER_FILE / 5; i++) {
                    yaml.append("      Field").append(i).append(": field_").append(i).append('\n');
                }
            }
            Files.writeString(folder.resolve(String.format("gen%02d.yaml", f)), yaml);
        }
        return "generated/" + tenant;
    }
}
