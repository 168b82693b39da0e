package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Retiring the legacy YAML: import, parity, export, over HTTP with the real corpora. */
class LegacyJobsIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    @Test
    void givenTheCleanCorpus_whenImportedAndChecked_then179ImportedAndZeroMismatches() {
        String corpus = Jobs.corpus(tenant, "mappings");
        JsonObject imported = Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}");
        assertEquals("COMPLETED", imported.getString("status"), imported.toString());
        JsonObject report = imported.getJsonObject("report");
        assertEquals(179, report.getInt("imported"));
        assertEquals(0, report.getJsonArray("rejected").size());
        assertEquals(179, imported.getJsonObject("progress").getInt("processed"));
        assertEquals(179, imported.getJsonObject("progress").getInt("total"));

        long parityId = Jobs.start(admin, "parity-check", "{\"path\":\"" + corpus + "\"}");
        assertEquals("COMPLETED", Jobs.await(admin, parityId).getString("status"));
        JsonObject parity = admin.get("/dcl/jobs/" + parityId + "/report").json();
        assertEquals(179, parity.getInt("compared"));
        assertEquals(0, parity.getJsonArray("mismatches").size());
        assertEquals(0.0, parity.getJsonNumber("mismatchRate").doubleValue());

        JsonObject again =
                Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}")
                        .getJsonObject("report");
        assertEquals(0, again.getInt("imported"), "the import is idempotent");
        assertEquals(179, again.getInt("unchanged"));

        JsonObject amount = admin.get("/dcl/mappings/salesforce/Opportunity/Amount").json();
        assertEquals("yaml-import", amount.getString("provenance"));
        assertEquals(
                200,
                admin.put(
                                "/dcl/mappings/" + amount.getString("id"),
                                "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount_usd\"}",
                                "If-Match",
                                "\"1\"")
                        .status());
        JsonObject drifted =
                Jobs.run(admin, "parity-check", "{\"path\":\"" + corpus + "\"}")
                        .getJsonObject("report");
        assertEquals(1, drifted.getJsonArray("mismatches").size(), drifted.toString());
        JsonObject mismatch = drifted.getJsonArray("mismatches").getJsonObject(0);
        assertEquals(
                List.of(
                        "salesforce",
                        "Opportunity",
                        "Amount",
                        "canonicalField",
                        "amount",
                        "amount_usd"),
                List.of(
                        mismatch.getString("connector"),
                        mismatch.getString("table"),
                        mismatch.getString("field"),
                        mismatch.getString("attribute"),
                        mismatch.getString("expected"),
                        mismatch.getString("actual")));
        assertEquals(1, drifted.getJsonObject("byConnector").getInt("salesforce"));
        assertEquals(1, drifted.getJsonObject("byField").getInt("Amount"));
        assertEquals(1.0 / 179, drifted.getJsonNumber("mismatchRate").doubleValue(), 1e-9);
    }

    @Test
    void givenTheBrokenCorpus_whenImported_thenEveryProblemIsReportedAndValidEntriesImport() {
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson("pipedrive", "deals", "value", "opportunity", "amount"))
                        .status());
        JsonObject job =
                Jobs.run(
                        admin,
                        "yaml-import",
                        "{\"path\":\"" + Jobs.corpus(tenant, "broken") + "\"}");
        assertEquals("COMPLETED", job.getString("status"));
        JsonObject report = job.getJsonObject("report");
        Set<String> rejected =
                report.getJsonArray("rejected").stream()
                        .map(v -> v.asJsonObject())
                        .map(
                                r ->
                                        r.getString("file")
                                                + "|"
                                                + (r.isNull("table") ? "-" : r.getString("table"))
                                                + "|"
                                                + (r.isNull("field") ? "-" : r.getString("field")))
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "01-syntax-error.yaml|-|-",
                        "04-not-a-mapping-file.yaml|-|-",
                        "02-case-duplicate.yaml|OPPORTUNITY|Amount",
                        "03-bad-entries.yaml|deals|value",
                        "03-bad-entries.yaml|deals|currency",
                        "03-bad-entries.yaml|deals|won_time",
                        "03-bad-entries.yaml|persons|name"),
                rejected);
        assertEquals(3, report.getInt("imported"));
        assertEquals(7, job.getJsonObject("progress").getInt("failed"));
        assertEquals(
                "amount",
                admin.get("/dcl/mappings/pipedrive/deals/value").json().getString("canonicalField"),
                "a rejected entry leaves the existing mapping alone");
        assertEquals(
                "amount",
                admin.get("/dcl/mappings/salesforce/Opportunity/Amount")
                        .json()
                        .getString("canonicalField"),
                "the first spelling of a duplicate is the one kept");
    }

    @Test
    void givenADryRun_whenImported_thenTheReportCountsButNothingIsWritten() {
        JsonObject report =
                Jobs.run(
                                admin,
                                "yaml-import",
                                "{\"path\":\""
                                        + Jobs.corpus(tenant, "mappings")
                                        + "\",\"dryRun\":true}")
                        .getJsonObject("report");
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(179, report.getInt("imported"));
        assertEquals(0, admin.get("/dcl/mappings").json().getJsonArray("items").size());
    }

    @Test
    void givenAnExport_whenImportedIntoAnEmptyTenant_thenParityWithTheOriginalIsZero() {
        String corpus = Jobs.corpus(tenant, "mappings");
        Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}");
        String folder = "export/" + tenant;
        JsonObject export = Jobs.run(admin, "yaml-export", "{\"path\":\"" + folder + "\"}");
        assertEquals("COMPLETED", export.getString("status"));
        assertEquals(5, export.getJsonObject("report").getJsonArray("files").size());
        assertEquals(179, export.getJsonObject("report").getInt("exported"));

        String freshTenant = Api.freshTenant();
        Api fresh = Api.as(Tokens.mint(freshTenant, "bob", "admin"));
        assertEquals(
                400,
                fresh.post(
                                "/dcl/jobs/yaml-import",
                                "{\"path\":\"../" + tenant + "/" + folder + "\"}")
                        .status(),
                "another tenant's export is out of reach; an operator hands it over on the file"
                        + " system");
        Jobs.copy(
                Jobs.ROOT.resolve(tenant).resolve(folder),
                Jobs.ROOT.resolve(freshTenant).resolve("handed-over"));
        Jobs.copy(
                Jobs.ROOT.resolve(tenant).resolve(corpus),
                Jobs.ROOT.resolve(freshTenant).resolve(corpus));
        assertEquals(
                179,
                Jobs.run(fresh, "yaml-import", "{\"path\":\"handed-over\"}")
                        .getJsonObject("report")
                        .getInt("imported"));
        JsonObject parity =
                Jobs.run(fresh, "parity-check", "{\"path\":\"" + corpus + "\"}")
                        .getJsonObject("report");
        assertEquals(179, parity.getInt("compared"));
        assertEquals(0, parity.getJsonArray("mismatches").size());
    }

    @Test
    void
            givenTwoTenants_whenOneAimsJobsOrItsRollbackAtTheOthersFolders_thenRefusedAndEachServesItsOwn() {
        String corpus = Jobs.corpus(tenant, "mappings");
        Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}");
        assertEquals(
                "COMPLETED",
                Jobs.run(admin, "yaml-export", "{\"path\":\"x/a-legacy\"}").getString("status"));
        String intruderTenant = Api.freshTenant();
        Api intruder = Api.as(Tokens.mint(intruderTenant, "mallory", "admin"));
        String theirs = "../" + tenant + "/x/a-legacy";
        for (String job :
                List.of("yaml-export", "yaml-import", "parity-check", "backup", "restore")) {
            Api.Reply refused = intruder.post("/dcl/jobs/" + job, "{\"path\":\"" + theirs + "\"}");
            assertEquals(400, refused.status(), job + ": " + refused);
            assertEquals(
                    "path",
                    refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        Api.Reply rollout =
                intruder.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\"" + theirs + "\"}");
        assertEquals(400, rollout.status(), rollout.toString());
        assertEquals(
                "legacyPath",
                rollout.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        // the same relative folder names each tenant's own: the intruder's export cannot replace
        // what A's rollback serves
        assertEquals(
                201,
                intruder.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "stolen"))
                        .status());
        assertEquals(
                "COMPLETED",
                Jobs.run(intruder, "yaml-export", "{\"path\":\"x/a-legacy\"}").getString("status"));
        assertEquals(
                200,
                admin.put(
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\"x/a-legacy\"}")
                        .status());
        Api.Reply served = admin.get("/dcl/mappings/salesforce/Opportunity/Amount");
        assertEquals("yaml", served.header("X-DCL-Source"));
        assertEquals("amount", served.json().getString("canonicalField"));
        assertEquals(
                200, admin.put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"registry\"}").status());
    }

    @Test
    void givenBadJobRequests_whenStarted_thenProblems() {
        assertEquals(
                400, admin.post("/dcl/jobs/yaml-import", "{\"path\":\"../../../etc\"}").status());
        assertEquals(400, admin.post("/dcl/jobs/yaml-import", "{\"path\":\"/etc\"}").status());
        assertEquals(
                400,
                admin.post("/dcl/jobs/yaml-export", "{\"path\":\"" + "x".repeat(300) + "\"}")
                        .status(),
                "a path the job store cannot keep is refused up front");
        assertEquals(400, admin.post("/dcl/jobs/yaml-import", "{}").status());
        assertEquals(400, admin.post("/dcl/jobs/compact", "{\"path\":\"x\"}").status());
        assertEquals(
                403,
                admin.post("/dcl/jobs/backup", "{\"path\":\"b\",\"allTenants\":true}").status());
        assertEquals(
                403,
                Api.as(Tokens.mint(tenant, "victor", "viewer"))
                        .post("/dcl/jobs/yaml-import", "{\"path\":\"x\"}")
                        .status());
        long id =
                Jobs.start(
                        admin,
                        "yaml-import",
                        "{\"path\":\"" + Jobs.corpus(tenant, "mappings") + "\",\"dryRun\":true}");
        assertEquals(
                404,
                Api.as(Tokens.mint(Api.freshTenant(), "eve", "admin"))
                        .get("/dcl/jobs/" + id)
                        .status());
        Jobs.await(admin, id);
        assertEquals(
                409,
                admin.post("/dcl/jobs/" + id + "/restart", "{}").status(),
                "a completed job does not restart");

        // the jobs list: a bad page size or another list's cursor is a problem naming it
        for (String[] bad :
                new String[][] {
                    {"limit=0", "limit"},
                    {"limit=ten", "limit"},
                    {"limit=1001", "limit"},
                    {"cursor=not-ours", "cursor"}
                }) {
            Api.Reply refused = admin.get("/dcl/jobs?" + bad[0]);
            assertEquals(400, refused.status(), bad[0] + ": " + refused);
            assertTrue(
                    refused.contentType().startsWith("application/problem+json"),
                    refused.toString());
            assertEquals(
                    bad[1],
                    refused.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                    refused.toString());
            assertFalse(refused.body().contains("Exception"), refused.toString());
        }
        assertEquals(
                List.of(id),
                admin.get("/dcl/jobs?limit=1").json().getJsonArray("items").stream()
                        .map(j -> j.asJsonObject().getJsonNumber("executionId").longValue())
                        .toList(),
                "the newest job of the tenant first");
    }
}
