package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    String corpus = Jobs.corpus("mappings");
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

    JsonObject again = Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}").getJsonObject("report");
    assertEquals(0, again.getInt("imported"), "the import is idempotent");
    assertEquals(179, again.getInt("unchanged"));

    JsonObject amount = admin.get("/dcl/mappings/salesforce/Opportunity/Amount").json();
    assertEquals("yaml-import", amount.getString("provenance"));
    assertEquals(200, admin.put("/dcl/mappings/" + amount.getString("id"),
        "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount_usd\"}", "If-Match", "\"1\"").status());
    JsonObject drifted = Jobs.run(admin, "parity-check", "{\"path\":\"" + corpus + "\"}").getJsonObject("report");
    assertEquals(1, drifted.getJsonArray("mismatches").size(), drifted.toString());
    JsonObject mismatch = drifted.getJsonArray("mismatches").getJsonObject(0);
    assertEquals(List.of("salesforce", "Opportunity", "Amount", "canonicalField", "amount", "amount_usd"), List.of(
        mismatch.getString("connector"), mismatch.getString("table"), mismatch.getString("field"),
        mismatch.getString("attribute"), mismatch.getString("expected"), mismatch.getString("actual")));
    assertEquals(1, drifted.getJsonObject("byConnector").getInt("salesforce"));
    assertEquals(1, drifted.getJsonObject("byField").getInt("Amount"));
    assertEquals(1.0 / 179, drifted.getJsonNumber("mismatchRate").doubleValue(), 1e-9);
  }

  @Test
  void givenTheBrokenCorpus_whenImported_thenEveryProblemIsReportedAndValidEntriesImport() {
    assertEquals(201, admin.post("/dcl/mappings", mappingJson("pipedrive", "deals", "value", "opportunity", "amount")).status());
    JsonObject job = Jobs.run(admin, "yaml-import", "{\"path\":\"" + Jobs.corpus("broken") + "\"}");
    assertEquals("COMPLETED", job.getString("status"));
    JsonObject report = job.getJsonObject("report");
    Set<String> rejected = report.getJsonArray("rejected").stream().map(v -> v.asJsonObject())
        .map(r -> r.getString("file") + "|" + (r.isNull("table") ? "-" : r.getString("table")) + "|"
            + (r.isNull("field") ? "-" : r.getString("field")))
        .collect(Collectors.toSet());
    assertEquals(Set.of(
        "01-syntax-error.yaml|-|-", "04-not-a-mapping-file.yaml|-|-", "02-case-duplicate.yaml|OPPORTUNITY|Amount",
        "03-bad-entries.yaml|deals|value", "03-bad-entries.yaml|deals|currency", "03-bad-entries.yaml|deals|won_time",
        "03-bad-entries.yaml|persons|name"), rejected);
    assertEquals(3, report.getInt("imported"));
    assertEquals(7, job.getJsonObject("progress").getInt("failed"));
    assertEquals("amount", admin.get("/dcl/mappings/pipedrive/deals/value").json().getString("canonicalField"),
        "a rejected entry leaves the existing mapping alone");
    assertEquals("amount", admin.get("/dcl/mappings/salesforce/Opportunity/Amount").json().getString("canonicalField"),
        "the first spelling of a duplicate is the one kept");
  }

  @Test
  void givenADryRun_whenImported_thenTheReportCountsButNothingIsWritten() {
    JsonObject report = Jobs.run(admin, "yaml-import", "{\"path\":\"" + Jobs.corpus("mappings") + "\",\"dryRun\":true}")
        .getJsonObject("report");
    assertTrue(report.getBoolean("dryRun"));
    assertEquals(179, report.getInt("imported"));
    assertEquals(0, admin.get("/dcl/mappings").json().getJsonArray("items").size());
  }

  @Test
  void givenAnExport_whenImportedIntoAnEmptyTenant_thenParityWithTheOriginalIsZero() {
    String corpus = Jobs.corpus("mappings");
    Jobs.run(admin, "yaml-import", "{\"path\":\"" + corpus + "\"}");
    String folder = "export/" + tenant;
    JsonObject export = Jobs.run(admin, "yaml-export", "{\"path\":\"" + folder + "\"}");
    assertEquals("COMPLETED", export.getString("status"));
    assertEquals(5, export.getJsonObject("report").getJsonArray("files").size());
    assertEquals(179, export.getJsonObject("report").getInt("exported"));

    Api fresh = Api.as(Tokens.mint(Api.freshTenant(), "bob", "admin"));
    assertEquals(179, Jobs.run(fresh, "yaml-import", "{\"path\":\"" + folder + "\"}").getJsonObject("report").getInt("imported"));
    JsonObject parity = Jobs.run(fresh, "parity-check", "{\"path\":\"" + corpus + "\"}").getJsonObject("report");
    assertEquals(179, parity.getInt("compared"));
    assertEquals(0, parity.getJsonArray("mismatches").size());
  }

  @Test
  void givenBadJobRequests_whenStarted_thenProblems() {
    assertEquals(400, admin.post("/dcl/jobs/yaml-import", "{\"path\":\"../../../etc\"}").status());
    assertEquals(400, admin.post("/dcl/jobs/yaml-import", "{\"path\":\"/etc\"}").status());
    assertEquals(400, admin.post("/dcl/jobs/yaml-import", "{}").status());
    assertEquals(400, admin.post("/dcl/jobs/compact", "{\"path\":\"x\"}").status());
    assertEquals(403, admin.post("/dcl/jobs/backup", "{\"path\":\"b\",\"allTenants\":true}").status());
    assertEquals(403, Api.as(Tokens.mint(tenant, "victor", "viewer")).post("/dcl/jobs/yaml-import", "{\"path\":\"x\"}").status());
    long id = Jobs.start(admin, "yaml-import", "{\"path\":\"" + Jobs.corpus("mappings") + "\",\"dryRun\":true}");
    assertEquals(404, Api.as(Tokens.mint(Api.freshTenant(), "eve", "admin")).get("/dcl/jobs/" + id).status());
    Jobs.await(admin, id);
    assertEquals(409, admin.post("/dcl/jobs/" + id + "/restart", "{}").status(), "a completed job does not restart");
  }
}
