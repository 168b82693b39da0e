package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * backup → empty database → restore → backup gives identical checksums; corrupt backups are
 * refused.
 */
class BackupRestoreIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    @Test
    void
            givenATenantWithHistory_whenBackedUpAndRestoredIntoAnEmptyDatabase_thenASecondBackupIsIdentical()
                    throws IOException {
        Jobs.run(admin, "yaml-import", "{\"path\":\"" + Jobs.corpus(tenant, "mappings") + "\"}");
        JsonObject amount = admin.get("/dcl/mappings/salesforce/Opportunity/Amount").json();
        admin.put(
                "/dcl/mappings/" + amount.getString("id"),
                "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"value\"}",
                "If-Match",
                "\"1\"");
        admin.delete(
                "/dcl/mappings/"
                        + admin.get("/dcl/mappings/salesforce/Opportunity/Name")
                                .json()
                                .getString("id"));

        JsonObject first = Jobs.run(admin, "backup", "{\"path\":\"backups/" + tenant + "/first\"}");
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        List<String> firstFiles = checksums(first);
        assertEquals(
                179,
                first.getJsonObject("report")
                        .getJsonArray("files")
                        .getJsonObject(0)
                        .getInt("records"));

        String database = "restore_" + tenant.replace('-', '_');
        TestDatabase.createDatabase(database);
        try (SecondNode empty = SecondNode.start(database)) {
            Api adminOnB = admin.at(empty.base());
            assertEquals(404, adminOnB.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
            JsonObject restore =
                    Jobs.run(adminOnB, "restore", "{\"path\":\"backups/" + tenant + "/first\"}");
            assertEquals("COMPLETED", restore.getString("status"), restore.toString());
            assertEquals(
                    179,
                    restore.getJsonObject("report")
                            .getJsonObject("restored")
                            .getInt("field_mappings"));

            JsonObject restored =
                    adminOnB.get("/dcl/mappings/salesforce/Opportunity/Amount").json();
            assertEquals("value", restored.getString("canonicalField"));
            assertEquals(
                    3,
                    adminOnB.get("/dcl/mappings/" + amount.getString("id") + "/history")
                                    .items()
                                    .size()
                            + 1,
                    "history came back with the mappings");
            JsonObject second =
                    Jobs.run(adminOnB, "backup", "{\"path\":\"backups/" + tenant + "/second\"}");
            assertEquals(firstFiles, checksums(second));

            JsonObject again =
                    Jobs.run(adminOnB, "restore", "{\"path\":\"backups/" + tenant + "/first\"}");
            assertEquals("FAILED", again.getString("status"));
            assertTrue(again.getJsonObject("report").getString("error").contains("empty database"));
        }
    }

    @Test
    void givenACorruptOrTruncatedBackup_whenRestored_thenItIsRefusedAndNothingIsWritten()
            throws IOException {
        Jobs.run(admin, "yaml-import", "{\"path\":\"" + Jobs.corpus(tenant, "mappings") + "\"}");
        Jobs.run(admin, "backup", "{\"path\":\"backups/" + tenant + "/good\"}");
        Api other = Api.as(Tokens.mint(tenant + "x", "bob", "admin"));

        Path truncated = copy("good", "truncated");
        Path file = truncated.resolve("field_mappings.jsonl.gz");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(admin, "truncated", "truncated or corrupt");

        Path tampered = copy("good", "tampered");
        Path manifest = tampered.resolve("manifest.json");
        Files.writeString(
                manifest,
                Files.readString(manifest).replaceFirst("\"sha256\":\"[0-9a-f]", "\"sha256\":\"x"));
        assertRefused(admin, "tampered", "checksum mismatch");

        // another tenant cannot reach this tenant's folder at all; handed a copy, it still refuses
        // the foreign backup
        Api.Reply unreachable =
                other.post("/dcl/jobs/restore", "{\"path\":\"backups/" + tenant + "/good\"}");
        assertEquals(400, unreachable.status(), unreachable.toString());
        assertTrue(
                unreachable.body().contains("no such file or folder in your tenant's jobs folder"),
                unreachable.toString());
        Jobs.copy(
                Jobs.ROOT.resolve(tenant).resolve("backups").resolve(tenant).resolve("good"),
                Jobs.ROOT.resolve(tenant + "x").resolve("backups").resolve(tenant).resolve("good"));
        assertRefused(other, "good", "another tenant");
        assertEquals(0, other.get("/dcl/mappings").json().getJsonArray("items").size());
    }

    private void assertRefused(Api api, String folder, String reason) {
        JsonObject job =
                Jobs.run(api, "restore", "{\"path\":\"backups/" + tenant + "/" + folder + "\"}");
        assertEquals("FAILED", job.getString("status"));
        String error = job.getJsonObject("report").getString("error");
        assertTrue(error.contains(reason), error);
        assertTrue(error.contains("nothing restored"), error);
    }

    private Path copy(String from, String to) throws IOException {
        Path source = Jobs.ROOT.resolve(tenant).resolve("backups").resolve(tenant).resolve(from);
        Path target = Jobs.ROOT.resolve(tenant).resolve("backups").resolve(tenant).resolve(to);
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static List<String> checksums(JsonObject job) {
        return job.getJsonObject("report").getJsonArray("files").stream()
                .map(
                        f ->
                                f.asJsonObject().getString("name")
                                        + "="
                                        + f.asJsonObject().getString("sha256")
                                        + "/"
                                        + f.asJsonObject().getInt("records"))
                .toList();
    }
}
