package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision audit trail, shadow mode and the staged strategy rollout, over HTTP against the real
 * service. The test server has a Gemini key and nothing listening at its address, so {@code mixed}
 * goes from rag to llm (which fails) to lexical and {@code llm} itself cannot answer.
 */
class DecisionAuditIT extends DeployedRegistry {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    private Api.Reply propose(String field, String... strategy) {
        return runtime.post(
                "/dcl/intelligence/propose-mapping",
                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\""
                        + field
                        + "\",\"sampleValues\":[\"2024-01-02\"]"
                        + (strategy.length == 0 ? "" : ",\"strategy\":\"" + strategy[0] + "\"")
                        + "}");
    }

    /**
     * Proposes one field after another, each once the shadow has compared the one before: a node
     * compares only a few at once (more are skipped and counted, never queued without bound).
     */
    private void proposeCompared(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            assertEquals(200, propose(prefix + i).status());
            int atLeast = i + 1;
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    admin.get("/dcl/admin/intelligence/shadow")
                                                    .json()
                                                    .getInt("compared")
                                            >= atLeast);
        }
    }

    private static List<JsonObject> lines(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/x-ndjson"), reply.contentType());
        return Arrays.stream(reply.body().split("\n"))
                .filter(l -> !l.isBlank())
                .map(
                        l -> {
                            try (var reader = Json.createReader(new StringReader(l))) {
                                return reader.readObject();
                            }
                        })
                .toList();
    }

    private List<JsonObject> decisions(String query) {
        return lines(admin.get("/dcl/admin/decisions" + query));
    }

    @Test
    void
            givenProposalsByEveryPath_whenTheTrailIsRead_thenEachDecisionIsThereWithItsConfiguration() {
        SemanticIndexReady.await();
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "amount", "opportunity", "amount"))
                        .status());
        assertEquals(200, propose("hs_closedate").status()); // mixed: rag, llm fails, lexical
        assertEquals(200, propose("closedate", "lexical").status());
        assertEquals(200, propose("close_date", "rag").status());
        assertEquals(503, propose("dealname", "llm").status()); // nothing answers: still a decision
        Api.Reply drift =
                runtime.post(
                        "/dcl/intelligence/repair-drift",
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"detectedAt\":\"2026-11-22T10:00:00Z\"},"
                                + "\"schemaDiff\":{\"changeType\":\"field_renamed\",\"oldField\":\"amount\",\"newField\":\"deal_amount\","
                                + "\"samples\":[\"1200.50\",\"80\"]}}");
        assertEquals(200, drift.status(), drift.toString());

        Api.Reply all = admin.get("/dcl/admin/decisions");
        assertFalse(all.body().contains("it-secret-gemini-key"), "a decision never carries a key");
        List<JsonObject> made = lines(all);
        assertEquals(5, made.size(), made.toString());

        JsonObject mixed = made.get(0);
        assertEquals("proposal", mixed.getString("kind"));
        assertEquals("hs_closedate", mixed.getJsonObject("source").getString("field"));
        JsonObject configuration = mixed.getJsonObject("configuration");
        assertEquals("mixed(rag>=0.90)", configuration.getString("label"));
        assertEquals("installation", configuration.getString("origin"));
        assertEquals(0, configuration.getInt("version"));
        assertEquals("gemini-it", configuration.getString("llmModel"));
        assertEquals("mixed", mixed.getString("strategySelected"));
        assertEquals("lexical", mixed.getString("strategyAnswered"));
        assertEquals("llm", mixed.getJsonArray("fallbacks").getJsonObject(0).getString("strategy"));
        assertEquals("opportunity.close_date", mixed.getString("answer"));
        assertFalse(mixed.getBoolean("violation"));
        assertTrue(mixed.getJsonNumber("latencyMs").doubleValue() > 0);
        assertEquals(36, mixed.getString("proposalId").length());

        JsonObject named = made.get(1);
        assertEquals("lexical", named.getString("strategySelected"));
        assertEquals("named in the request", named.getString("selectionReason"));
        assertEquals("rag", made.get(2).getString("strategyAnswered"));
        JsonObject unanswered = made.get(3);
        assertEquals("none", unanswered.getString("strategyAnswered"));
        assertEquals(
                "llm", unanswered.getJsonArray("fallbacks").getJsonObject(0).getString("strategy"));
        assertTrue(unanswered.isNull("answer"));
        assertTrue(unanswered.isNull("proposalId"));
        JsonObject repair = made.get(4);
        assertEquals("drift-repair", repair.getString("kind"));
        assertEquals("drift-repair:rename_field", repair.getString("strategyAnswered"));
        assertTrue(made.stream().noneMatch(d -> d.getBoolean("violation")), made.toString());

        assertEquals(1, decisions("?strategy=rag").size());
        assertEquals(1, decisions("?strategy=drift-repair").size());
        assertEquals(0, decisions("?violation=true").size());
        assertEquals(5, decisions("?violation=false&from=2020-01-01T00:00:00Z").size());
        assertEquals(0, decisions("?to=2020-01-01T00:00:00Z").size());
        Api.Reply badFrom = admin.get("/dcl/admin/decisions?from=yesterday");
        assertEquals(400, badFrom.status());
        assertTrue(badFrom.body().contains("\"field\":\"from\""), badFrom.body());
        assertEquals(400, admin.get("/dcl/admin/decisions?violation=maybe").status());

        // the trail is the tenant's: another tenant's admin reads none of it, the runtime nothing
        assertEquals(
                0,
                lines(
                                Api.as(Tokens.mint(Api.freshTenant(), "eve", "admin"))
                                        .get("/dcl/admin/decisions"))
                        .size());
        assertEquals(403, runtime.get("/dcl/admin/decisions").status());
        assertEquals(403, runtime.get("/dcl/admin/decisions/report").status());
    }

    @Test
    void
            givenAChangeMadeOnAnotherNode_whenThisNodeAnswersBeforeReadingIt_thenAViolationIsReportedUntilItCatchesUp()
                    throws Exception {
        assertEquals(200, propose("hs_closedate").status());
        JsonObject violating = null;
        long version = 0;
        Instant written = null;
        // another node sets the tenant to lexical; this node has the installation's in its copy
        // until its next read (2 s at most). A read may fall right between: then try once more.
        for (int attempt = 1; attempt <= 3 && violating == null; attempt++) {
            written = Instant.now();
            TestDatabase.update(
                    "INSERT INTO strategy_changes (scope, sequence, strategy, mixed_rag_threshold,"
                            + " percent, previous_percent, change, reason, forced, decided_at,"
                            + " decided_by, owner_tenant) VALUES (?, ?, ?, 0.9, 100, 100, 'set',"
                            + " 'set on another node', false, ?, 'bob', ?)",
                    tenant,
                    (long) attempt,
                    attempt % 2 == 1 ? "lexical" : "mixed",
                    Timestamp.from(written),
                    tenant);
            version =
                    Long.parseLong(
                            TestDatabase.texts(
                                            "SELECT MAX(id)::text FROM strategy_changes WHERE scope = ?",
                                            tenant)
                                    .get(0));
            assertEquals(200, propose("closedate").status());
            List<JsonObject> bad = decisions("?violation=true");
            if (!bad.isEmpty()) {
                violating = bad.get(bad.size() - 1);
            }
        }
        JsonObject v = violating;
        assertTrue(
                v != null,
                "a node answering with a configuration it had not re-read is a violation");
        assertTrue(
                v.getString("violationReason")
                        .contains("while the tenant's configuration is v" + version + " ("),
                v.toString());
        assertTrue(v.getBoolean("violation"));

        // this node catches up within its refresh: its decisions carry the new version, no
        // violation
        long expected = version;
        Instant start = written;
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            propose("closedate");
                            List<JsonObject> all = decisions("");
                            JsonObject last = all.get(all.size() - 1);
                            return last.getJsonObject("configuration").getInt("version") == expected
                                    && !last.getBoolean("violation");
                        });
        System.out.println(
                "[decisions] another node's change in force here after "
                        + Duration.between(start, Instant.now()).toMillis()
                        + " ms");

        Api.Reply report = admin.get("/dcl/admin/decisions/report");
        assertEquals(200, report.status(), report.toString());
        assertTrue(report.contentType().startsWith("text/html"), report.contentType());
        assertTrue(report.header("Content-Security-Policy").startsWith("default-src 'none'"));
        String html = report.body();
        assertTrue(html.contains("id=\"violations\""), html);
        assertTrue(html.contains("configuration is v" + expected + " ("), html);
        assertTrue(html.contains("<svg"), "the timeline is drawn");
        Files.createDirectories(SCREENSHOTS);
        Path page = SCREENSHOTS.resolve("decision-report.html");
        Files.writeString(page, html);
        Path png = SCREENSHOTS.resolve("decision-report.png");
        HeadlessChromium.screenshot(page, png, 1280, 1600);
        assertTrue(HeadlessChromium.looksRendered(png), "Chromium drew the report");
        String dom = HeadlessChromium.dumpDom(page);
        assertTrue(
                dom.contains("id=\"violations\""), "the violation section is in the rendered page");
    }

    @Test
    void
            givenAShadowCandidate_whenLiveProposalsArrive_thenItIsComparedNeverStored_andGatesTheSwitch() {
        Api other = Api.as(Tokens.mint(Api.freshTenant(), "eve", "admin"));
        assertEquals(404, admin.get("/dcl/admin/intelligence/shadow").status());
        Api.Reply started =
                admin.put(
                        "/dcl/admin/intelligence/shadow",
                        "{\"candidate\":\"lexical\",\"sample\":1}");
        assertEquals(200, started.status(), started.toString());
        assertEquals("lexical", started.json().getJsonObject("candidate").getString("label"));
        assertEquals(
                404,
                other.get("/dcl/admin/intelligence/shadow").status(),
                "shadows are per tenant");

        // not yet compared enough: the switch is refused with the figures
        Api.Reply early =
                admin.put("/dcl/admin/intelligence/strategy", "{\"configuration\":\"lexical\"}");
        assertEquals(409, early.status(), early.toString());
        assertTrue(early.body().contains("equivalence-not-shown"), early.body());

        proposeCompared(12, "field_");
        JsonObject shadow = admin.get("/dcl/admin/intelligence/shadow").json();
        assertEquals(
                1.0, shadow.getJsonNumber("agreementTop1").doubleValue(), 1e-9, shadow.toString());
        assertEquals(
                12, shadow.getJsonObject("byStrategy").getJsonObject("lexical").getInt("compared"));
        assertTrue(shadow.getJsonObject("gate").getBoolean("met"));
        assertEquals(
                List.of("12"),
                TestDatabase.texts(
                        "SELECT COUNT(*)::text FROM mapping_proposals WHERE tenant_id = ?", tenant),
                "the candidate's answers are never stored as proposals");

        Api.Reply switched =
                admin.put(
                        "/dcl/admin/intelligence/strategy",
                        "{\"configuration\":\"lexical\",\"reason\":\"shadow agreed\"}");
        assertEquals(200, switched.status(), switched.toString());
        JsonObject effective = switched.json().getJsonObject("effective");
        assertEquals("tenant", effective.getString("origin"));
        assertEquals("lexical", effective.getJsonObject("configuration").getString("label"));

        // a candidate that cannot answer agrees with nothing: below the gate, refused unless forced
        assertEquals(
                200,
                admin.put(
                                "/dcl/admin/intelligence/shadow",
                                "{\"candidate\":{\"strategy\":\"llm\"},\"sample\":1}")
                        .status());
        proposeCompared(10, "other_");
        JsonObject failing = admin.get("/dcl/admin/intelligence/shadow").json();
        assertEquals(0.0, failing.getJsonNumber("agreementTop1").doubleValue(), 1e-9);
        assertFalse(failing.getJsonArray("examplesOfDisagreement").isEmpty());
        assertTrue(
                failing.getJsonArray("examplesOfDisagreement")
                        .getJsonObject(0)
                        .getString("candidateFailure")
                        .startsWith("llm: "));
        Api.Reply refused =
                admin.put("/dcl/admin/intelligence/strategy", "{\"configuration\":\"llm\"}");
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("0.0 %"), refused.body());
        Api.Reply noReason =
                admin.put(
                        "/dcl/admin/intelligence/strategy",
                        "{\"configuration\":\"llm\",\"force\":true}");
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        Api.Reply forced =
                admin.put(
                        "/dcl/admin/intelligence/strategy",
                        "{\"configuration\":\"llm\",\"force\":true,\"reason\":\"vendor asked\"}");
        assertEquals(200, forced.status(), forced.toString());
        JsonObject newest = forced.json().getJsonArray("history").getJsonObject(0);
        assertTrue(newest.getBoolean("forced"));
        assertTrue(
                TestDatabase.texts(
                                "SELECT after_state FROM audit_trail WHERE tenant_id = ? AND subject_id = 'intelligence-strategy'",
                                tenant)
                        .stream()
                        .anyMatch(a -> a.contains("forced")));

        // one call puts the previous configuration back, in force at once
        Api.Reply back =
                admin.post(
                        "/dcl/admin/intelligence/strategy/rollback", "{\"reason\":\"llm down\"}");
        assertEquals(200, back.status(), back.toString());
        assertEquals(
                "lexical",
                back.json()
                        .getJsonObject("effective")
                        .getJsonObject("configuration")
                        .getString("label"));
        assertEquals(200, propose("after_rollback").status());
        List<JsonObject> made = decisions("");
        assertEquals("lexical", made.get(made.size() - 1).getString("strategyAnswered"));
        assertEquals(204, admin.delete("/dcl/admin/intelligence/shadow").status());
        assertEquals(404, admin.get("/dcl/admin/intelligence/shadow").status());
        assertEquals(
                403,
                runtime.put(
                                "/dcl/admin/intelligence/shadow",
                                "{\"candidate\":\"rag\",\"sample\":1}")
                        .status());
        Api.Reply badSample =
                admin.put("/dcl/admin/intelligence/shadow", "{\"candidate\":\"rag\",\"sample\":2}");
        assertEquals(400, badSample.status());
        assertTrue(badSample.body().contains("\"field\":\"sample\""), badSample.body());
    }

    @Test
    void
            givenAStagedRollout_whenItReachesTheTenant_thenItsDecisionsFollowIt_andOneCallRollsItBack() {
        Api operator = Api.as(Tokens.mint("ops", "olga", "operator"));
        assertEquals(
                403,
                admin.put(
                                "/dcl/admin/intelligence/rollout",
                                "{\"configuration\":\"lexical\",\"percent\":10}")
                        .status());
        // behaves as the installation's but for rag's threshold, so other tests are not disturbed
        Api.Reply staged =
                operator.put(
                        "/dcl/admin/intelligence/rollout",
                        "{\"configuration\":{\"strategy\":\"mixed\",\"mixedRagThreshold\":0.95},\"percent\":100,\"reason\":\"stage 1\"}");
        try {
            assertEquals(200, staged.status(), staged.toString());
            long version =
                    staged.json().getJsonObject("current").getJsonNumber("version").longValue();
            JsonObject seen = admin.get("/dcl/admin/intelligence/strategy").json();
            assertEquals("rollout", seen.getJsonObject("effective").getString("origin"));
            assertTrue(seen.getJsonObject("rollout").getBoolean("reachesTenant"));
            assertEquals(200, propose("hs_closedate").status());
            List<JsonObject> made = decisions("");
            JsonObject configuration = made.get(made.size() - 1).getJsonObject("configuration");
            assertEquals("rollout", configuration.getString("origin"));
            assertEquals(version, configuration.getJsonNumber("version").longValue());
            assertEquals("mixed(rag>=0.95)", configuration.getString("label"));
        } finally {
            Api.Reply back =
                    operator.post(
                            "/dcl/admin/intelligence/rollout/rollback", "{\"reason\":\"done\"}");
            assertEquals(200, back.status(), back.toString());
            assertEquals(0, back.json().getJsonObject("current").getInt("percent"));
        }
        assertEquals(200, propose("closedate").status());
        List<JsonObject> made = decisions("");
        assertEquals(
                "installation",
                made.get(made.size() - 1).getJsonObject("configuration").getString("origin"),
                "the rollback is in force on this node at once");
        assertTrue(
                TestDatabase.texts(
                                        "SELECT after_state FROM audit_trail WHERE tenant_id = ? AND subject_id = 'intelligence-rollout'",
                                        "ops")
                                .size()
                        >= 2);
        assertEquals(
                400,
                operator.put(
                                "/dcl/admin/intelligence/rollout",
                                "{\"configuration\":\"gpt\",\"percent\":10}")
                        .status());
        assertEquals(
                400,
                operator.put(
                                "/dcl/admin/intelligence/rollout",
                                "{\"configuration\":\"rag\",\"percent\":101}")
                        .status());
    }
}
