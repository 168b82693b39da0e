package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The drift → proposal → approval → runtime loop over HTTP, with a reviewer webhook that checks the
 * signature of what it receives, and the workflow's refusals.
 */
class ApprovalIT extends DeployedRegistry {
    private static final String SECRET = "reviewers-shared-secret-1";
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));
    private final Api rita = Api.as(Tokens.mint(tenant, "rita", "reviewer"));
    private final Api rob = Api.as(Tokens.mint(tenant, "rob", "reviewer"));

    /** One webhook call as received: event header, signature header, body. */
    record Received(String event, String signature, String body) {}

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String repairRename() {
        Api.Reply drift =
                runtime.post(
                        "/dcl/intelligence/repair-drift",
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"detectedAt\":\"2026-11-22T10:00:00Z\"},"
                                + "\"schemaDiff\":{\"changeType\":\"field_renamed\",\"oldField\":\"amount\",\"newField\":\"deal_amount\","
                                + "\"samples\":[\"1200.50\",\"80\"]}}");
        assertEquals(200, drift.status(), drift.toString());
        return drift.body();
    }

    @Test
    void
            givenARenameReportedByTheRuntime_whenAReviewerApprovesTheRepair_thenTheRuntimeLooksUpTheNewField()
                    throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext(
                "/hook",
                exchange -> {
                    received.add(
                            new Received(
                                    exchange.getRequestHeaders().getFirst("X-DCL-Event"),
                                    exchange.getRequestHeaders().getFirst("X-DCL-Signature"),
                                    new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        hook.start();
        try {
            assertEquals(
                    201,
                    admin.put(
                                    "/dcl/admin/webhooks/reviewers",
                                    "{\"url\":\"http://127.0.0.1:"
                                            + hook.getAddress().getPort()
                                            + "/hook\",\"secret\":\""
                                            + SECRET
                                            + "\"}")
                            .status());
            assertTrue(
                    !admin.get("/dcl/admin/webhooks").body().contains(SECRET),
                    "the secret is never shown back");
            String oldId =
                    admin.post(
                                    "/dcl/mappings",
                                    mappingJson(
                                            "hubspot", "deals", "amount", "opportunity", "amount"))
                            .json()
                            .getString("id");
            assertEquals(404, runtime.get("/dcl/mappings/hubspot/deals/deal_amount").status());

            JsonObject plan = Json.createReader(new StringReader(repairRename())).readObject();
            JsonObject recommended = plan.getJsonObject("recommended");
            assertEquals("rename_field", recommended.getString("type"));
            assertEquals("deal_amount", recommended.getString("sourceField"));
            assertEquals(
                    "opportunity.amount",
                    recommended.getString("canonicalEntity")
                            + "."
                            + recommended.getString("canonicalField"));
            assertEquals(oldId, recommended.getString("previousMappingId"));
            assertTrue(recommended.getJsonNumber("confidence").doubleValue() >= 0.6);
            assertEquals(1, plan.getJsonObject("estimatedImpact").getInt("affectedMappings"));
            assertEquals(
                    List.of(oldId),
                    plan
                            .getJsonArray("markedForReview")
                            .getValuesAs(jakarta.json.JsonString.class)
                            .stream()
                            .map(s -> s.getString())
                            .toList());
            JsonObject underReview = runtime.get("/dcl/mappings/hubspot/deals/amount").json();
            assertEquals(
                    "NEEDS_REVIEW",
                    underReview.getString("status"),
                    "the old mapping keeps serving, flagged");

            String approvalId = recommended.getString("approvalId");
            JsonObject again = Json.createReader(new StringReader(repairRename())).readObject();
            assertEquals(
                    approvalId,
                    again.getJsonObject("recommended").getString("approvalId"),
                    "the same drift reported twice is one approval");
            JsonObject queued = runtime.get("/dcl/approvals/" + approvalId).json();
            assertEquals(
                    "drift repair for hubspot/deals: "
                            + recommended.getString("rationale", "")
                            + "; impact: 1 existing mapping, 1 table, 1 canonical field downstream",
                    queued.getString("reason"),
                    "reviewers read which drift caused it and what it touches");
            String proposalId = queued.getString("proposalId");
            Api.Reply submitted =
                    runtime.post(
                            "/dcl/approvals/submit",
                            "{\"proposalId\":\""
                                    + proposalId
                                    + "\",\"reason\":\"renamed in HubSpot\"}");
            assertEquals(
                    200, submitted.status(), "already queued by the repair: the same approval");
            assertEquals(approvalId, submitted.json().getString("id"));

            JsonObject pending =
                    rita.get("/dcl/approvals/pending?connector=hubspot&entity=opportunity").json();
            assertEquals(1, pending.getJsonArray("items").size());
            assertEquals(
                    approvalId, pending.getJsonArray("items").getJsonObject(0).getString("id"));
            assertEquals(
                    0,
                    rita.get("/dcl/approvals/pending?minAge=PT1H")
                            .json()
                            .getJsonArray("items")
                            .size());
            assertEquals(
                    0,
                    rita.get("/dcl/approvals/pending?connector=salesforce")
                            .json()
                            .getJsonArray("items")
                            .size());

            Api.Reply approved =
                    rita.post(
                            "/dcl/approvals/" + approvalId + "/approve",
                            "{\"notes\":\"checked in HubSpot\"}");
            assertEquals(200, approved.status(), approved.toString());
            assertEquals("approved", approved.json().getString("status"));
            assertEquals("rita", approved.json().getString("decidedBy"));

            JsonObject live = runtime.get("/dcl/mappings/hubspot/deals/deal_amount").json();
            assertEquals(
                    live.getString("id"),
                    approved.json().getString("mappingId"),
                    "the approval names the mapping it made");
            assertEquals(
                    live.getString("id"),
                    rita.get("/dcl/approvals/" + approvalId).json().getString("mappingId"));
            assertEquals(oldId, approved.json().getString("previousMappingId"));
            assertEquals("opportunity", live.getString("canonicalEntity"));
            assertEquals("amount", live.getString("canonicalField"));
            assertEquals("ACTIVE", live.getString("status"));
            assertEquals(1.0, live.getJsonNumber("confidence").doubleValue());
            assertEquals(
                    404,
                    runtime.get("/dcl/mappings/hubspot/deals/amount").status(),
                    "the old name is retired");
            String feed = runtime.get("/dcl/mappings/changes?since=0&limit=100&timeout=0").body();
            assertTrue(
                    feed.contains("\"sourceField\":\"deal_amount\""),
                    "the approval reaches the runtime's change feed: " + feed);
            assertTrue(
                    admin.get("/dcl/mappings/" + oldId + "/history")
                            .body()
                            .contains("approval " + approvalId + " approved by rita"));

            assertEquals(
                    200,
                    rita.post(
                                    "/dcl/approvals/" + approvalId + "/approve",
                                    "{\"notes\":\"checked in HubSpot\"}")
                            .status(),
                    "the same reviewer's retry changes nothing");
            Api.Reply second = rob.post("/dcl/approvals/" + approvalId + "/approve", "{}");
            assertEquals(409, second.status(), "double approval");
            assertTrue(second.body().contains("already approved by rita"), second.body());

            Awaitility.await("both events delivered")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> received.size() >= 2);
            assertEquals(
                    java.util.Set.of("approval.submitted", "approval.approved"),
                    received.stream()
                            .map(Received::event)
                            .collect(java.util.stream.Collectors.toSet()));
            for (Received r : received) {
                assertEquals(
                        hmac(r.body()),
                        r.signature(),
                        "HMAC-SHA256 of the body with the shared secret");
                assertTrue(r.body().contains("\"id\":\"" + approvalId + "\""), r.body());
            }
            String deliveries = admin.get("/dcl/admin/webhooks/deliveries").body();
            assertTrue(
                    deliveries.contains("\"status\":\"delivered\"")
                            && deliveries.contains("\"lastHttpStatus\":204"),
                    deliveries);
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void givenADeadWebhook_whenApproving_thenTheApprovalSucceedsAndTheFailedAttemptIsRecorded() {
        assertEquals(
                201,
                admin.put(
                                "/dcl/admin/webhooks/dead",
                                "{\"url\":\"http://127.0.0.1:9/nowhere\",\"secret\":\""
                                        + SECRET
                                        + "\"}")
                        .status());
        String proposalId =
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"contacts\",\"sourceField\":\"firstname\",\"sampleValues\":[\"Ann\"]}")
                        .json()
                        .getString("proposalId");
        Api.Reply submitted =
                rita.post(
                        "/dcl/approvals/submit",
                        "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"new connector\"}");
        assertEquals(201, submitted.status(), submitted.toString());
        String approvalId = submitted.json().getString("id");
        assertEquals(
                Api.BASE + "/dcl/approvals/" + approvalId,
                submitted.header("Location"),
                "the approval, readable where Location says");
        assertTrue(
                submitted.json().isNull("mappingId"),
                "a new mapping is only proposed: " + submitted);

        Api.Reply own = rita.post("/dcl/approvals/" + approvalId + "/approve", "{}");
        assertEquals(403, own.status(), "four eyes: the submitter may not approve");
        assertTrue(own.body().contains("four eyes"), own.body());
        Api.Reply shouting =
                Api.as(Tokens.mint(tenant, "RITA", "reviewer"))
                        .post("/dcl/approvals/" + approvalId + "/approve", "{}");
        assertEquals(403, shouting.status(), "four eyes compare subjects case-folded: " + shouting);
        assertEquals(
                403,
                runtime.post("/dcl/approvals/" + approvalId + "/approve", "{}").status(),
                "the runtime is no reviewer");

        assertEquals(200, rob.post("/dcl/approvals/" + approvalId + "/approve", "{}").status());
        JsonObject created = runtime.get("/dcl/mappings/hubspot/contacts/firstname").json();
        assertEquals("first_name", created.getString("canonicalField"));
        assertEquals(
                created.getString("id"),
                runtime.get("/dcl/approvals/" + approvalId).json().getString("mappingId"),
                "GET /dcl/approvals/{id} names the mapping the approval created");

        String deliveries =
                Awaitility.await("a failed attempt is recorded")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                                () -> admin.get("/dcl/admin/webhooks/deliveries").body(),
                                body -> body.contains("\"lastError\":\""));
        assertTrue(
                deliveries.contains("\"webhook\":\"dead\"")
                        && deliveries.contains("\"lastError\":\"no answer from the receiver\""),
                "neutral: nothing tells a closed port from a filtered one: " + deliveries);
        assertTrue(
                deliveries.contains("\"status\":\"pending\""),
                "retried later with backoff: " + deliveries);
    }

    @Test
    void givenTwoReviewersAtOnce_whenBothApprove_thenOneWinsAndTheOtherGets409() throws Exception {
        String proposalId =
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"contacts\",\"sourceField\":\"lastname\",\"sampleValues\":[\"Lee\"]}")
                        .json()
                        .getString("proposalId");
        String approvalId =
                runtime.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"x\"}")
                        .json()
                        .getString("id");
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a =
                    pool.submit(
                            () ->
                                    rita.post(
                                                    "/dcl/approvals/" + approvalId + "/approve",
                                                    "{\"notes\":\"a\"}")
                                            .status());
            Future<Integer> b =
                    pool.submit(
                            () ->
                                    rob.post(
                                                    "/dcl/approvals/" + approvalId + "/approve",
                                                    "{\"notes\":\"b\"}")
                                            .status());
            List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                admin.get(
                                "/dcl/mappings/"
                                        + runtime.get("/dcl/mappings/hubspot/contacts/lastname")
                                                .json()
                                                .getString("id")
                                        + "/history")
                        .items()
                        .size(),
                "the mapping was created once");
    }

    @Test
    void givenAProposal_whenRejected_thenNothingGoesLiveAndUnknownOrMalformedRequestsAreRefused() {
        String proposalId =
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"zendesk\",\"sourceTable\":\"tickets\",\"sourceField\":\"priority\"}")
                        .json()
                        .getString("proposalId");
        String approvalId =
                runtime.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"x\"}")
                        .json()
                        .getString("id");
        JsonObject evidence = rita.get("/dcl/intelligence/proposals/" + proposalId).json();
        assertEquals("priority", evidence.getString("sourceField"));
        assertEquals(
                evidence.getString("strategy"),
                evidence.getJsonObject("evidence").getString("strategy"));
        assertTrue(
                evidence.getJsonObject("evidence").getJsonArray("candidates").size() >= 1,
                evidence.toString());
        assertEquals(
                404,
                Api.as(Tokens.mint(Api.freshTenant(), "eve", "reviewer"))
                        .get("/dcl/intelligence/proposals/" + proposalId)
                        .status());
        Api.Reply rejected =
                rita.post(
                        "/dcl/approvals/" + approvalId + "/reject", "{\"notes\":\"wrong entity\"}");
        assertEquals(200, rejected.status());
        assertEquals("rejected", rejected.json().getString("status"));
        assertEquals(404, runtime.get("/dcl/mappings/zendesk/tickets/priority").status());
        assertEquals(409, rob.post("/dcl/approvals/" + approvalId + "/approve", "{}").status());

        assertEquals(
                404,
                rita.post("/dcl/approvals/" + java.util.UUID.randomUUID() + "/approve", "{}")
                        .status());
        assertEquals(
                404,
                Api.as(Tokens.mint(Api.freshTenant(), "eve", "reviewer"))
                        .get("/dcl/approvals/" + approvalId)
                        .status(),
                "another tenant's approval does not exist for you");
        assertEquals(
                404,
                runtime.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\"" + java.util.UUID.randomUUID() + "\"}")
                        .status());
        assertEquals(
                400, runtime.post("/dcl/approvals/submit", "{\"reason\":\"neither id\"}").status());
        assertEquals(400, rita.get("/dcl/approvals/pending?minAge=two-hours").status());
        assertEquals(
                403,
                Api.as(Tokens.mint(tenant, "victor", "viewer"))
                        .get("/dcl/approvals/pending")
                        .status());

        for (String malformed :
                List.of(
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\"},\"schemaDiff\":{\"changeType\":\"field_exploded\"}}",
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\"},\"schemaDiff\":{\"changeType\":\"field_renamed\",\"newField\":\"x\"}}",
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"detectedAt\":\"yesterday\"},\"schemaDiff\":{\"changeType\":\"field_removed\",\"removedField\":\"x\"}}",
                        "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\"}",
                        "{\"driftEvent\":{\"connector\":\"hubspot\"},\"schemaDiff\":",
                        "[]")) {
            Api.Reply reply = runtime.post("/dcl/intelligence/repair-drift", malformed);
            assertEquals(400, reply.status(), malformed + " -> " + reply);
            assertTrue(
                    reply.contentType().startsWith("application/problem+json"), reply.toString());
        }
    }

    @Test
    void
            givenTheFieldsATableHasNow_whenRepaired_thenRemovedFieldsAreUnderReviewButServedAndNewFieldsAreProposed() {
        admin.post(
                "/dcl/mappings", mappingJson("pipedrive", "persons", "email", "contact", "email"));
        admin.post(
                "/dcl/mappings",
                mappingJson("pipedrive", "persons", "fax_number", "contact", "phone"));
        Api.Reply reply =
                runtime.post(
                        "/dcl/intelligence/repair-drift",
                        "{\"connector\":\"pipedrive\",\"sourceTable\":\"persons\",\"observedFields\":["
                                + "{\"name\":\"email\",\"type\":\"string\",\"samples\":[\"ann@example.com\"]},"
                                + "{\"name\":\"job_title\",\"type\":\"string\",\"samples\":[\"CTO\"]}]}");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject plan = reply.json();
        Map<String, String> types = new java.util.HashMap<>();
        plan.getJsonArray("proposals")
                .forEach(
                        p ->
                                types.put(
                                        p.asJsonObject().getString("sourceField"),
                                        p.asJsonObject().getString("type")));
        assertEquals(Map.of("fax_number", "deprecate_field", "job_title", "map_field"), types);
        assertEquals(
                "deprecate_field",
                plan.getJsonObject("recommended").getString("type"),
                "ranked by confidence");
        assertEquals(1, plan.getJsonArray("markedForReview").size());
        assertEquals(
                "NEEDS_REVIEW",
                runtime.get("/dcl/mappings/pipedrive/persons/fax_number")
                        .json()
                        .getString("status"));
        assertTrue(plan.getString("note").contains("keep serving"));

        String deprecation =
                plan.getJsonArray("proposals").stream()
                        .map(p -> p.asJsonObject())
                        .filter(p -> p.getString("type").equals("deprecate_field"))
                        .findFirst()
                        .orElseThrow()
                        .getString("approvalId");
        assertEquals(
                runtime.get("/dcl/mappings/pipedrive/persons/fax_number").json().getString("id"),
                rita.get("/dcl/approvals/" + deprecation).json().getString("mappingId"),
                "a deprecation names its mapping from the start");
        assertEquals(200, rita.post("/dcl/approvals/" + deprecation + "/approve", "{}").status());
        assertEquals(
                404,
                runtime.get("/dcl/mappings/pipedrive/persons/fax_number").status(),
                "deprecated once approved");
        assertEquals(200, runtime.get("/dcl/mappings/pipedrive/persons/email").status());
    }

    @Test
    void givenMorePendingApprovalsThanAPage_whenListed_thenTheCursorWalksThemOldestFirst() {
        List<String> queued = new ArrayList<>();
        for (String field : List.of("phone", "mobilephone", "jobtitle")) {
            String proposalId =
                    runtime.post(
                                    "/dcl/intelligence/propose-mapping",
                                    "{\"connector\":\"hubspot\",\"sourceTable\":\"contacts\",\"sourceField\":\""
                                            + field
                                            + "\"}")
                            .json()
                            .getString("proposalId");
            queued.add(
                    runtime.post("/dcl/approvals/submit", "{\"proposalId\":\"" + proposalId + "\"}")
                            .json()
                            .getString("id"));
        }
        JsonObject first = rita.get("/dcl/approvals/pending?limit=2").json();
        JsonObject second =
                rita.get("/dcl/approvals/pending?limit=2&cursor=" + first.getString("next")).json();
        List<String> seen = new ArrayList<>();
        first.getJsonArray("items").forEach(i -> seen.add(i.asJsonObject().getString("id")));
        second.getJsonArray("items").forEach(i -> seen.add(i.asJsonObject().getString("id")));
        assertEquals(queued, seen);
        assertTrue(second.isNull("next"));
        assertEquals(400, rita.get("/dcl/approvals/pending?cursor=not-ours").status());
    }

    @Test
    void givenAFieldWhoseTypeChanged_whenRepaired_thenACastIsProposedAndTheMappingIsUnderReview() {
        admin.post(
                "/dcl/mappings",
                mappingJson("hubspot", "deals", "amount", "opportunity", "amount"));
        Api.Reply reply =
                runtime.post(
                        "/dcl/intelligence/repair-drift",
                        "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\"},\"schemaDiff\":{\"changeType\":"
                                + "\"type_changed\",\"field\":\"amount\",\"oldType\":\"number\",\"newType\":\"string\",\"samples\":[\"1,200.50\"]}}");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject recommended = reply.json().getJsonObject("recommended");
        assertEquals("map_field", recommended.getString("type"));
        assertEquals("number", recommended.getString("transform"));
        assertEquals(
                "NEEDS_REVIEW",
                runtime.get("/dcl/mappings/hubspot/deals/amount").json().getString("status"));
        assertEquals(
                200,
                rita.post(
                                "/dcl/approvals/"
                                        + recommended.getString("approvalId")
                                        + "/approve",
                                "{}")
                        .status());
        JsonObject live = runtime.get("/dcl/mappings/hubspot/deals/amount").json();
        assertEquals("ACTIVE", live.getString("status"));
        assertEquals("number", live.getJsonObject("transform").getString("type"));
    }

    @Test
    void givenBadWebhookSettings_whenPut_thenEachFieldIsNamedInAProblem() {
        Api.Reply bad =
                admin.put(
                        "/dcl/admin/webhooks/reviewers",
                        "{\"url\":\"ftp://example.com/x\",\"secret\":\"short\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.toString());
        assertTrue(
                bad.body().contains("\"field\":\"url\"")
                        && bad.body().contains("\"field\":\"secret\""),
                bad.body());
        assertEquals(
                400,
                admin.put(
                                "/dcl/admin/webhooks/Not%20A%20Name",
                                "{\"url\":\"https://example.com\",\"secret\":\"" + SECRET + "\"}")
                        .status());
        assertEquals(400, admin.put("/dcl/admin/webhooks/reviewers", "").status());
        assertEquals(400, admin.get("/dcl/admin/webhooks/deliveries?limit=0").status());
        assertEquals(404, admin.delete("/dcl/admin/webhooks/never-set").status());
        assertEquals(
                403,
                rita.put(
                                "/dcl/admin/webhooks/reviewers",
                                "{\"url\":\"https://example.com\",\"secret\":\"" + SECRET + "\"}")
                        .status());
    }

    @Test
    void givenInternalOrNonHttpTargets_whenPut_thenEachIsRefusedNamingTheUrl() {
        // this server allow-lists 127.0.0.0/8 for the receivers above: loopback over IPv4 is
        // refused in unit tests
        for (String url :
                List.of(
                        "http://169.254.169.254/latest/meta-data",
                        "https://10.0.0.5/x",
                        "https://[::1]/x",
                        "https://metadata.google.internal/computeMetadata/v1/",
                        "ftp://example.com")) {
            Api.Reply refused =
                    admin.put(
                            "/dcl/admin/webhooks/internal",
                            "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}");
            assertEquals(400, refused.status(), url + " -> " + refused);
            assertTrue(
                    refused.contentType().startsWith("application/problem+json"),
                    refused.toString());
            assertTrue(refused.body().contains("\"field\":\"url\""), url + " -> " + refused.body());
        }
        assertEquals(
                404,
                admin.delete("/dcl/admin/webhooks/internal").status(),
                "none of them was stored");
    }
}
