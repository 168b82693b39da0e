package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.intelligence.AlternativesWanted;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical schema per tenant and lexical proposals, over HTTP with no LLM configured. */
class IntelligenceIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @Test
    void givenANewTenant_whenItsCanonicalSchemaIsRead_thenTheDefaultCrmModelIsThere() {
        JsonArray entities = runtime.get("/dcl/canonical/entities").array();
        List<String> names =
                entities.stream().map(e -> e.asJsonObject().getString("name")).sorted().toList();
        assertEquals(
                List.of(
                        "account",
                        "activity",
                        "contact",
                        "invoice",
                        "lead",
                        "opportunity",
                        "order",
                        "product",
                        "ticket",
                        "user"),
                names);
        JsonObject contact =
                entities.stream()
                        .map(e -> e.asJsonObject())
                        .filter(e -> e.getString("name").equals("contact"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(
                contact.getJsonArray("fields").stream()
                        .anyMatch(
                                f ->
                                        f.asJsonObject().getString("name").equals("email")
                                                && !f.asJsonObject()
                                                        .getString("description")
                                                        .isBlank()));
    }

    @Test
    void givenAnAdmin_whenAnEntityIsDefinedAndReplaced_then201Then200AndOnlyThisTenantSeesIt() {
        String body =
                "{\"description\":\"A recurring"
                        + " plan\",\"fields\":[{\"name\":\"plan\",\"type\":\"string\",\"enumValues\":[\"basic\",\"pro\"]},{\"name\":\"mrr\",\"type\":\"number\",\"description\":\"monthly"
                        + " recurring revenue\"}]}";
        assertEquals(201, admin.put("/dcl/canonical/entities/subscription", body).status());
        assertEquals(200, admin.put("/dcl/canonical/entities/subscription", body).status());
        assertTrue(runtime.get("/dcl/canonical/entities").body().contains("\"subscription\""));
        assertTrue(
                runtime.get("/dcl/canonical/entities")
                        .body()
                        .contains("\"enumValues\":[\"basic\",\"pro\"]"),
                "a field's listed values are kept");
        assertEquals(
                400,
                admin.put(
                                "/dcl/canonical/entities/subscription",
                                "{\"fields\":[{\"name\":\"plan\",\"enumValues\":[\" \"]}]}")
                        .status());
        assertTrue(
                !Api.as(Tokens.mint(Api.freshTenant(), "eve", "viewer"))
                        .get("/dcl/canonical/entities")
                        .body()
                        .contains("subscription"));
        assertEquals(403, runtime.put("/dcl/canonical/entities/subscription", body).status());
        assertEquals(
                400, admin.put("/dcl/canonical/entities/subscription", "{\"fields\":[]}").status());
        assertEquals(
                400,
                admin.put(
                                "/dcl/canonical/entities/subscription",
                                "{\"fields\":[{\"name\":\"9lives\"}]}")
                        .status());

        JsonObject proposal =
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"stripe\",\"sourceTable\":\"subscriptions\",\"sourceField\":\"monthly_recurring_revenue\",\"sampleValues\":[\"12.5\"],\"description\":\"monthly"
                                        + " recurring revenue\"}")
                        .json();
        assertEquals(
                "subscription.mrr",
                proposal.getString("canonicalEntity") + "." + proposal.getString("canonicalField"),
                "proposals use the tenant's own schema");

        assertEquals(
                204, admin.delete("/dcl/canonical/entities/subscription?reason=retired").status());
        assertEquals(404, admin.delete("/dcl/canonical/entities/subscription").status());
        assertTrue(!runtime.get("/dcl/canonical/entities").body().contains("\"subscription\""));
    }

    @Test
    void givenRuntimesReportingAtOnce_whenConfidenceIsCalculated_thenEachIsStoredNoneA412()
            throws Exception {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "closedate", "opportunity", "x"))
                        .json()
                        .getString("id");
        String body = "{\"mappingId\":\"" + id + "\",\"validationResults\":{\"successRate\":0.5}}";
        java.util.concurrent.ExecutorService runtimes =
                java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(
                    runtimes.submit(
                            () ->
                                    runtime.post("/dcl/intelligence/calculate-confidence", body)
                                            .status()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        runtimes.shutdown();
        assertEquals(java.util.Collections.nCopies(24, 200), statuses, "no caller sent If-Match");
        assertEquals(
                25,
                admin.get("/dcl/mappings/" + id).json().getInt("version"),
                "each report is one version");
    }

    @Test
    void givenAMapping_whenItsConfidenceIsCalculated_thenTheScoreIsStoredAsANewAuditedVersion() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "amount", "opportunity", "amount"))
                        .json()
                        .getString("id");
        Api.Reply reply =
                runtime.post(
                        "/dcl/intelligence/calculate-confidence",
                        "{\"mappingId\":\""
                                + id
                                + "\",\"validationResults\":{\"successRate\":0.9,\"ragSimilarity\":0.8}}");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject result = reply.json();
        assertEquals(0.8, result.getJsonNumber("score").doubleValue(), 1e-9);
        assertEquals(
                1.0, result.getJsonObject("factors").getJsonNumber("humanApproval").doubleValue());
        assertTrue(
                result.getJsonArray("recommendations")
                        .getString(0)
                        .startsWith("usageFrequency unknown"));
        JsonObject stored = admin.get("/dcl/mappings/" + id).json();
        assertEquals(0.8, stored.getJsonNumber("confidence").doubleValue(), 1e-9);
        assertEquals(2, stored.getInt("version"));
        assertTrue(
                admin.get("/dcl/mappings/" + id + "/history")
                        .items()
                        .getJsonObject(1)
                        .getString("reason")
                        .startsWith("confidence recalculated"));

        assertEquals(
                400,
                runtime.post(
                                "/dcl/intelligence/calculate-confidence",
                                "{\"mappingId\":\""
                                        + id
                                        + "\",\"validationResults\":{\"successRate\":2}}")
                        .status());
        Api.Reply forgotten =
                runtime.post(
                        "/dcl/intelligence/calculate-confidence", "{\"mappingId\":\"" + id + "\"}");
        assertEquals(400, forgotten.status(), "a new version for nothing observed, unless {}");
        assertTrue(forgotten.body().contains("validationResults"), forgotten.toString());
        assertEquals(
                404,
                Api.as(Tokens.mint(Api.freshTenant(), "x", "service"))
                        .post(
                                "/dcl/intelligence/calculate-confidence",
                                "{\"mappingId\":\"" + id + "\",\"validationResults\":{}}")
                        .status());
    }

    @Test
    void
            givenTheLearnedStrategy_whenAFieldWithAndOneWithoutACounterpartAreProposed_thenItProposesOneAndAbstainsOnTheOther() {
        SemanticIndexReady.await();
        Api.Reply known =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"contacts\",\"sourceField\":\"email\",\"sampleValues\":[\"ann@example.com\"],\"strategy\":\"learned\"}");
        assertEquals(200, known.status(), known.toString());
        assertEquals("learned", known.json().getString("strategy"));
        assertEquals("contact", known.json().getString("canonicalEntity"), known.toString());
        assertEquals("email", known.json().getString("canonicalField"));
        assertFalse(known.json().getBoolean("abstained"));

        Api.Reply unknown =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"stripe\",\"sourceTable\":\"charges\",\"sourceField\":\"livemode\",\"sampleValues\":[\"false\"],\"strategy\":\"learned\"}");
        assertEquals(200, unknown.status(), unknown.toString());
        assertTrue(unknown.json().getBoolean("abstained"), unknown.toString());
        assertTrue(unknown.json().isNull("canonicalField"));
        assertTrue(unknown.json().getString("reasoning").startsWith("no confident proposal"));
        assertFalse(unknown.json().getJsonArray("alternatives").isEmpty());
        Api.Reply submitted =
                runtime.post(
                        "/dcl/approvals/submit",
                        "{\"proposalId\":\""
                                + unknown.json().getString("proposalId")
                                + "\",\"reason\":\"try\"}");
        assertEquals(400, submitted.status(), "an abstention is not a proposal to approve");
        assertTrue(submitted.body().contains("proposalId"), submitted.toString());
    }

    /** The stored candidate for {@code target} of a learned proposal of the field. */
    private static JsonObject learnedCandidate(
            Api caller, String connector, String table, String field, String target) {
        Api.Reply proposed =
                caller.post(
                        "/dcl/intelligence/propose-mapping",
                        proposalJson("learned", connector, table, field, "ann@example.com"));
        assertEquals(200, proposed.status(), proposed.toString());
        JsonObject stored =
                caller.get("/dcl/intelligence/proposals/" + proposed.json().getString("proposalId"))
                        .json();
        return stored.getJsonObject("evidence").getJsonArray("candidates").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("target").equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError(target + " not among " + stored));
    }

    @Test
    void
            givenAReviewerRejectedATarget_whenALookAlikeIsProposedByTheLearnedStrategy_thenThatTargetIsDemotedAndSaysWhy() {
        SemanticIndexReady.await();
        Api.Reply first =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        proposalJson("learned", "hubspot", "contacts", "email", "ann@example.com"));
        assertEquals(
                "contact.email",
                first.json().getString("canonicalEntity")
                        + "."
                        + first.json().getString("canonicalField"));
        String approval =
                runtime.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\""
                                        + first.json().getString("proposalId")
                                        + "\",\"reason\":\"new field\"}")
                        .json()
                        .getString("id");
        Api rita = Api.as(Tokens.mint(tenant, "rita", "reviewer"));
        assertEquals(
                200,
                rita.post("/dcl/approvals/" + approval + "/reject", "{\"notes\":\"holds a list\"}")
                        .status());

        // a look-alike in another connector, here and in a tenant whose reviewers rejected nothing
        Api elsewhere = Api.as(Tokens.mint(Api.freshTenant(), "aam", "service"));
        JsonObject trusted =
                learnedCandidate(elsewhere, "outreach", "prospects", "Email", "contact.email");
        JsonObject demoted =
                learnedCandidate(runtime, "outreach", "prospects", "Email", "contact.email");
        assertEquals(
                trusted.getJsonNumber("score").doubleValue() / 2,
                demoted.getJsonNumber("score").doubleValue(),
                0.002,
                "one rejection halves it: " + demoted);
        assertTrue(
                demoted.getString("reasoning")
                        .contains("rejected 1× by reviewers for look-alike fields"),
                demoted.toString());
        assertFalse(trusted.getString("reasoning").contains("rejected"), trusted.toString());
    }

    @Test
    void
            givenASourceFieldAndAnUnreachableGemini_whenAProposalIsAsked_thenLexicalAnswersAndTheFallbackIsListed() {
        SemanticIndexReady.await();
        Api.Reply reply =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"hs_closedate\",\"sampleValues\":[\"2024-01-02\"]}");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject proposal = reply.json();
        assertEquals("opportunity", proposal.getString("canonicalEntity"));
        assertEquals("close_date", proposal.getString("canonicalField"));
        assertEquals("lexical", proposal.getString("strategy"));
        // the test server has a Gemini key but nothing listens at its address (GeminiIT runs a stub
        // there)
        List<String> degraded =
                proposal.getJsonArray("degraded").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
        assertEquals(1, degraded.size(), degraded.toString());
        assertTrue(
                degraded.get(0).startsWith("llm: unreachable")
                        || degraded.get(0).equals("llm: circuit open after repeated failures"),
                degraded.toString());
        List<String> audited =
                TestDatabase.texts(
                        "SELECT after_state FROM audit_trail WHERE tenant_id = ? AND subject_id"
                                + " LIKE 'proposal:%'",
                        tenant);
        assertTrue(
                audited.stream()
                        .anyMatch(
                                a ->
                                        a.startsWith(
                                                "opportunity.close_date by lexical after fallbacks"
                                                        + " [llm: ")),
                audited.toString());
        assertEquals(AlternativesWanted.DEFAULT, proposal.getJsonArray("alternatives").size());
        assertTrue(proposal.getJsonNumber("confidence").doubleValue() > 0.5);
        assertTrue(proposal.getString("proposalId").length() == 36);

        assertEquals(
                400,
                runtime.post("/dcl/intelligence/propose-mapping", "{\"connector\":\"hubspot\"}")
                        .status());
        Api.Reply unknownStrategy =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"x\",\"strategy\":\"gpt\"}");
        assertEquals(400, unknownStrategy.status());
        assertTrue(
                unknownStrategy.body().contains("\"field\":\"strategy\""), unknownStrategy.body());
        Api.Reply two =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\",\"alternatives\":2}");
        assertEquals(200, two.status(), two.toString());
        assertEquals(2, two.json().getJsonArray("alternatives").size());
        Api.Reply tooMany =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\",\"alternatives\":21}");
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.body().contains("\"field\":\"alternatives\""), tooMany.body());
        Api.Reply notAnId = runtime.get("/dcl/intelligence/proposals/not-a-uuid");
        assertEquals(400, notAnId.status());
        assertTrue(
                notAnId.contentType().startsWith("application/problem+json"), notAnId.toString());
        assertEquals(
                404,
                runtime.get("/dcl/intelligence/proposals/" + java.util.UUID.randomUUID()).status());
        assertEquals(
                403,
                Api.as(Tokens.mint(tenant, "victor", "viewer"))
                        .post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"x\"}")
                        .status());
    }

    @Test
    void
            givenAKnownMapping_whenALookAlikeFieldOfAnotherConnectorIsLookedUpOrProposed_thenRagAnswersFromIt() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "CloseDate",
                                        "opportunity",
                                        "close_date"))
                        .json()
                        .getString("id");
        SemanticIndexReady.await();
        // the index refreshes just after the write commits
        JsonObject found =
                await("the new mapping reached the index")
                        .atMost(Duration.ofSeconds(4))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () ->
                                        runtime.get(
                                                "/dcl/intelligence/rag-lookup/hubspot/deals/close_date"),
                                lookup -> lookup.status() == 200)
                        .json();
        assertEquals(
                "opportunity.close_date",
                found.getString("canonicalEntity") + "." + found.getString("canonicalField"));
        assertTrue(found.getJsonNumber("similarity").doubleValue() >= 0.85);
        assertEquals(id, found.getJsonObject("matchedMapping").getString("mappingId"));

        Api.Reply unrelated = runtime.get("/dcl/intelligence/rag-lookup/hubspot/tickets/priority");
        assertEquals(404, unrelated.status());
        assertTrue(unrelated.body().contains("no-similar-mapping"), unrelated.body());
        assertEquals(
                404,
                Api.as(Tokens.mint(Api.freshTenant(), "aam", "service"))
                        .get("/dcl/intelligence/rag-lookup/hubspot/deals/close_date")
                        .status(),
                "another tenant's mappings are never neighbours");

        JsonObject proposal =
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"pipedrive\",\"sourceTable\":\"deals\",\"sourceField\":\"close_date\"}")
                        .json();
        assertEquals("rag", proposal.getString("strategy"));
        assertEquals("close_date", proposal.getString("canonicalField"));
        assertEquals(
                id,
                proposal.getJsonArray("similarMappings").getJsonObject(0).getString("mappingId"));
        assertEquals(
                0,
                proposal.getJsonArray("degraded").size(),
                "rag answered before the LLM was needed");

        assertEquals(
                400,
                runtime.get("/dcl/intelligence/rag-lookup/hubspot/deals/" + "x".repeat(300))
                        .status());
    }

    @Test
    void
            givenTheLlmStrategyWithoutAKey_whenANodeStarts_thenTheApplicationRefusesToStartAndNamesTheProperty() {
        try (SecondNode broken =
                SecondNode.startExpectingFailure(Map.of("DCL_INTELLIGENCE_STRATEGY", "llm"))) {
            String log = broken.log();
            assertTrue(log.contains("CWWKZ0002E"), "the application did not start");
            assertTrue(
                    log.contains(
                            "Invalid configuration: dcl.llm.gemini.api-key is required when"
                                    + " dcl.intelligence.strategy=llm"),
                    log);
            assertTrue(!log.contains("CWWKZ0001I: Application dcl-registry started"));
        }
    }
}
