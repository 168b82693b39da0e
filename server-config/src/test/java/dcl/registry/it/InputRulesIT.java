package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input rules, one place each: text without NUL, control characters or lone surrogates wherever a
 * request carries it (body, path, query); strict JSON types; strict UTF-8; bounded nesting and
 * lengths; and problems that name the field, never a Java class. Every refusal is a 400 problem,
 * never a 500.
 */
class InputRulesIT extends DeployedRegistry {
    private static final String[] INTERNALS = {
        "dcl.registry", "java.", "jakarta.", "org.eclipse", "$", "Exception", "RESTEASY"
    };
    private static final String EMOJI = "\uD83D\uDE00";

    private final String tenant = Api.freshTenant();
    private final String adminToken = Tokens.mint(tenant, "alice", "admin");
    private final Api admin = Api.as(adminToken);
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    /** A 400 problem document without internals; its fields, sorted. */
    private static List<String> refused(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        assertNoInternals(reply);
        JsonObject problem = reply.json();
        assertFalse(problem.getString("detail").isBlank(), reply.toString());
        return problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
    }

    private static String messageOf(Api.Reply reply, String field) {
        return reply.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject())
                .filter(e -> e.getString("field").equals(field))
                .findFirst()
                .orElseThrow()
                .getString("message");
    }

    private static void assertNoInternals(Api.Reply reply) {
        for (String internal : INTERNALS) {
            assertFalse(reply.body().contains(internal), internal + " in " + reply);
        }
    }

    private static String mapping(String connector, String table, String field, String more) {
        return "{\"connector\":\""
                + connector
                + "\",\"sourceTable\":\""
                + table
                + "\",\"sourceField\":"
                + field
                + ",\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\""
                + more
                + "}";
    }

    private void assertNothingWritten() {
        assertEquals(
                0,
                admin.get("/dcl/mappings").json().getJsonArray("items").size(),
                "nothing was written");
    }

    @Test
    void givenTheConsolesFiles_whenAnyMethodButReadingIsSent_then405ProblemNamingWhatIsAllowed() {
        assertEquals(200, Api.anonymous().get("/console/index.html").status());
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Api.Reply reply = admin.send(method, "/console/index.html", "{}");
            assertEquals(405, reply.status(), method + " " + reply);
            assertTrue(
                    reply.contentType().startsWith("application/problem+json"), reply.toString());
            assertEquals("GET, HEAD, OPTIONS", reply.header("Allow"), reply.toString());
        }
        Api.Reply options = Api.anonymous().send("OPTIONS", "/console/index.html", null);
        assertEquals(204, options.status(), options.toString());
        assertEquals("GET, HEAD, OPTIONS", options.header("Allow"));
        assertEquals("", options.body(), "what may be asked, not the page");
        assertEquals(200, Api.anonymous().get("/console/index.html").status());
    }

    /** Sends bytes as they are: the text helpers of {@link Api} can only send well-formed UTF-8. */
    private Api.Reply postBytes(String path, byte[] body) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(Api.BASE + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        try {
            return new Api.Reply(
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenNulInEveryTextFieldOfAMapping_whenPosted_then400NamingEachFieldAndNothingWritten() {
        Api.Reply reply =
                admin.post(
                        "/dcl/mappings",
                        "{\"connector\":\"sf\\u0000\",\"sourceTable\":\"Opp\\u0000\","
                                + "\"sourceField\":\"\\u0000Amount\",\"canonicalEntity\":\"opp\\u0000\",\"canonicalField\":\"amount\\u0000\","
                                + "\"transform\":{\"type\":\"date\",\"format\":\"yyyy\\u0000\"},\"reason\":\"why\\u0000\"}");
        assertEquals(
                List.of(
                        "canonicalEntity",
                        "canonicalField",
                        "connector",
                        "reason",
                        "sourceField",
                        "sourceTable",
                        "transform.format"),
                refused(reply));
        assertTrue(messageOf(reply, "sourceField").contains("U+0000"), reply.toString());
        assertNothingWritten();
    }

    @Test
    void
            givenLoneSurrogatesOrControls_whenPosted_then400NamingTheFieldInsteadOfStoringAQuestionMark() {
        Api.Reply reply =
                admin.post(
                        "/dcl/mappings",
                        mapping(
                                "salesforce",
                                "Opp\\ud800",
                                "\"Amount\\udc00\"",
                                ",\"reason\":\"bell\\u0007\""));
        assertEquals(List.of("reason", "sourceField", "sourceTable"), refused(reply));
        assertTrue(messageOf(reply, "sourceTable").contains("lone surrogate"), reply.toString());
        assertEquals(
                List.of("sourceField"),
                refused(
                        admin.post(
                                "/dcl/mappings",
                                mapping("salesforce", "Opp", "\"a\\u0085b\"", ""))));
        assertNothingWritten();
    }

    @Test
    void
            givenNumbersOrBooleansWhereTextIsDeclared_whenPosted_then400InsteadOfTheirTextBeingStored() {
        Api.Reply number =
                admin.post("/dcl/mappings", mapping("salesforce", "Opportunity", "3476517", ""));
        assertEquals(List.of("sourceField"), refused(number));
        assertEquals("must be a string, not a number (3476517)", messageOf(number, "sourceField"));
        Api.Reply bool =
                admin.post("/dcl/mappings", mapping("salesforce", "Opportunity", "true", ""));
        assertEquals(List.of("sourceField"), refused(bool));
        assertTrue(messageOf(bool, "sourceField").startsWith("must be a string"), bool.toString());
        Api.Reply text =
                admin.post(
                        "/dcl/mappings",
                        mapping(
                                "salesforce",
                                "Opportunity",
                                "\"Amount\"",
                                ",\"confidence\":\"0.9\""));
        assertEquals(List.of("confidence"), refused(text));
        assertEquals(
                List.of("dryRun", "path"),
                refused(admin.post("/dcl/jobs/yaml-import", "{\"path\":5,\"dryRun\":\"yes\"}")));
        assertEquals(
                List.of("dualRead"),
                refused(
                        admin.put(
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"registry\",\"dualRead\":\"false\"}")));
        assertNothingWritten();
    }

    @Test
    void givenBytesThatAreNotUtf8_whenPosted_then400InsteadOfReplacementCharacters() {
        byte[] start =
                "{\"connector\":\"salesforce\",\"sourceTable\":\"Opp"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] end =
                "\",\"sourceField\":\"Amount\",\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\"}"
                        .getBytes(StandardCharsets.UTF_8);
        for (byte[] bad :
                List.of(
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body = new byte[start.length + bad.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(bad, 0, body, start.length, bad.length);
            System.arraycopy(end, 0, body, start.length + bad.length, end.length);
            Api.Reply reply = postBytes("/dcl/mappings", body);
            assertEquals(List.of("body"), refused(reply));
            assertTrue(messageOf(reply, "body").contains("not valid UTF-8"), reply.toString());
        }
        assertNothingWritten();
    }

    @Test
    void givenUnknownFieldsOnSeveralEndpoints_whenSent_thenTheFieldIsNamedAndNoClassIs() {
        assertEquals(
                List.of("connector_id"),
                refused(
                        admin.post(
                                "/dcl/mappings",
                                mapping(
                                        "salesforce",
                                        "Opportunity",
                                        "\"Amount\"",
                                        ",\"connector_id\":\"x\""))));
        assertEquals(
                List.of("colour"),
                refused(
                        admin.put(
                                "/dcl/admin/webhooks/reviewers",
                                "{\"url\":\"https://example.com/hook\",\"secret\":\"0123456789abcdef\",\"colour\":\"red\"}")));
        assertEquals(
                List.of("why"),
                refused(
                        runtime.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\"" + UUID.randomUUID() + "\",\"why\":\"x\"}")));
        assertEquals(
                List.of("transform.typ"),
                refused(
                        admin.post(
                                "/dcl/mappings",
                                mapping(
                                        "salesforce",
                                        "Opportunity",
                                        "\"Amount\"",
                                        ",\"transform\":{\"typ\":\"trim\"}"))));
        assertNothingWritten();
    }

    @Test
    void givenWrongTypesDeepInTheBody_whenPosted_thenThePathIndexesTheElement() {
        assertEquals(
                List.of("schemaDiff.samples[2]"),
                refused(
                        runtime.post(
                                "/dcl/intelligence/repair-drift",
                                "{\"driftEvent\":{\"connector\":\"hubspot\",\"sourceTable\":\"deals\"},"
                                        + "\"schemaDiff\":{\"changeType\":\"field_added\",\"newField\":\"x\",\"samples\":[\"a\",\"b\",3]}}")));
        assertEquals(
                List.of("sampleValues[0]", "sampleValues[1]"),
                refused(
                        runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\",\"sampleValues\":[true,\"x\\u0000\"]}")));
        assertEquals(
                List.of("fields[1].name"),
                refused(
                        admin.put(
                                "/dcl/canonical/entities/subscription",
                                "{\"fields\":[{\"name\":\"plan\"},{\"name\":7}]}")));
    }

    @Test
    void givenJsonNestedTooDeep_whenPosted_then400InsteadOfAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Api.Reply reply =
                runtime.post(
                        "/dcl/transform",
                        "{\"connector\":\"hubspot\",\"table\":\"deals\",\"records\":[{\"x\":"
                                + deep
                                + "}]}");
        assertEquals(List.of("body"), refused(reply));
        assertTrue(messageOf(reply, "body").contains("levels deep"), reply.toString());
    }

    @Test
    void
            givenRecordsToTransform_whenTheirValuesHoldControls_thenTheyAreDataButNulAndLoneSurrogatesAreRefused() {
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "dealname", "opportunity", "name"))
                        .status());
        Api.Reply fine =
                runtime.post(
                        "/dcl/transform",
                        "{\"connector\":\"hubspot\",\"table\":\"deals\",\"records\":[{\"dealname\":\"Big\\u0001Deal\\ttoo\"}]}");
        assertEquals(200, fine.status(), fine.toString());
        assertEquals(
                List.of("records[0].dealname", "records[1].other"),
                refused(
                        runtime.post(
                                "/dcl/transform",
                                "{\"connector\":\"hubspot\",\"table\":\"deals\",\"records\":[{\"dealname\":\"x\\u0000\"},{\"other\":\"\\ud800\"}]}")));
    }

    @Test
    void givenNulOrControlsInQueryParameters_whenCalled_then400NamingTheParameter() {
        assertEquals(List.of("q"), refused(admin.get("/dcl/mappings?q=amount%00")));
        assertEquals(List.of("entity"), refused(admin.get("/dcl/mappings?entity=opp%01")));
        assertEquals(List.of("connector"), refused(admin.get("/dcl/mappings?connector=%ED%A0%80")));
        assertEquals(List.of("entity"), refused(admin.get("/dcl/approvals/pending?entity=%00")));
        assertEquals(
                List.of("reason"),
                refused(admin.delete("/dcl/mappings/" + UUID.randomUUID() + "?reason=gone%00")));
        assertEquals(List.of("since"), refused(admin.get("/dcl/mappings/changes?since=%0A1")));
        assertEquals(
                401,
                Api.anonymous().get("/dcl/mappings?q=%00").status(),
                "authentication comes first");
    }

    @Test
    void givenNulOrControlsInPathParameters_whenCalled_then400AndNeverA500() {
        for (String path :
                List.of(
                        "/dcl/mappings/salesforce/Opp%00/Amount",
                        "/dcl/mappings/salesforce/Opp%0D%0A/Amount",
                        "/dcl/mappings/salesforce/Opportunity/Amount%09",
                        "/dcl/intelligence/rag-lookup/salesforce/Opp%00/Amount")) {
            Api.Reply reply = admin.get(path);
            assertEquals(400, reply.status(), path + " -> " + reply);
            assertNoInternals(reply);
            if (reply.body().contains("CWWWC0005I")) {
                continue; // Liberty's web container refuses an encoded control character in a path
                // before the API sees it
            }
            assertTrue(
                    reply.contentType().startsWith("application/problem+json"), reply.toString());
            List<String> fields =
                    reply.json().getJsonArray("errors").stream()
                            .map(e -> e.asJsonObject().getString("field"))
                            .toList();
            assertTrue(fields.contains("table") || fields.contains("field"), reply.toString());
        }
    }

    @Test
    void givenFreeTextWithLineBreaksAndNamesWithEmoji_whenPosted_thenTheyAreStoredExactly() {
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mapping(
                                "salesforce",
                                "Opportunity",
                                "\"Amount" + EMOJI + "\"",
                                ",\"reason\":\"first line\\nsecond\\tline\""));
        assertEquals(201, created.status(), created.toString());
        assertEquals("Amount" + EMOJI, created.json().getString("sourceField"));
        String id = created.json().getString("id");
        assertEquals(
                "Amount" + EMOJI,
                admin.get(
                                "/dcl/mappings/salesforce/Opportunity/"
                                        + URLEncoder.encode(
                                                "Amount" + EMOJI, StandardCharsets.UTF_8))
                        .json()
                        .getString("sourceField"));
        assertEquals(
                "first line\nsecond\tline",
                admin.get("/dcl/mappings/" + id + "/history")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("reason"));
    }

    @Test
    void givenNamesWithoutWordsAndAFieldWithNeither_whenProposedOrRepaired_thenAnswersNeverA500() {
        // names that keep no word once split and folded: single letters, separators, other scripts
        for (String field : List.of("x", "_", "x_x", "名前", "Имя", "é", EMOJI)) {
            Api.Reply proposed =
                    runtime.post(
                            "/dcl/intelligence/propose-mapping",
                            "{\"connector\":\"sc\",\"sourceTable\":\"Opportunity\",\"sourceField\":\""
                                    + field
                                    + "\"}");
            assertEquals(200, proposed.status(), field + ": " + proposed);
        }
        Api.Reply table =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"sc\",\"sourceTable\":\"_\",\"sourceField\":\"Amount\"}");
        assertEquals(200, table.status(), table.toString());
        Api.Reply repaired =
                runtime.post(
                        "/dcl/intelligence/repair-drift",
                        "{\"connector\":\"sc\",\"sourceTable\":\"Opportunity\",\"observedFields\":[{\"name\":\"名前\"}]}");
        assertEquals(200, repaired.status(), repaired.toString());

        // a canonical field without words or description: every proposal of the tenant weighs it
        assertEquals(
                201,
                admin.put("/dcl/canonical/entities/ent1", "{\"fields\":[{\"name\":\"x\"}]}")
                        .status());
        Api.Reply afterModel =
                runtime.post(
                        "/dcl/intelligence/propose-mapping",
                        "{\"connector\":\"x\",\"sourceTable\":\"Tab\",\"sourceField\":\"Gx\"}");
        assertEquals(200, afterModel.status(), afterModel.toString());
    }

    @Test
    void givenACanonicalModelOverItsSize_whenDefined_then400NamingFieldsAndNothingChanged() {
        String fields =
                java.util.stream.IntStream.range(0, 2_001)
                        .mapToObj(i -> "{\"name\":\"f" + i + "\"}")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        assertEquals(
                List.of("fields"),
                refused(admin.put("/dcl/canonical/entities/huge", "{\"fields\":" + fields + "}")));
        assertFalse(
                admin.get("/dcl/canonical/entities").body().contains("\"huge\""), "nothing stored");
    }

    @Test
    void givenTextLongerThanItsColumnOrLimit_whenSent_then400NamingTheField() {
        String tooLong = "x".repeat(2001);
        assertEquals(
                List.of("reason"),
                refused(
                        admin.post(
                                "/dcl/mappings",
                                mapping(
                                        "salesforce",
                                        "Opportunity",
                                        "\"Amount\"",
                                        ",\"reason\":\"" + tooLong + "\""))));
        assertEquals(
                List.of("sourceField"),
                refused(
                        admin.post(
                                "/dcl/mappings",
                                mapping(
                                        "salesforce",
                                        "Opportunity",
                                        "\"" + "f".repeat(256) + "\"",
                                        ""))));
        assertEquals(
                List.of("reason"),
                refused(admin.delete("/dcl/mappings/" + UUID.randomUUID() + "?reason=" + tooLong)));
        assertEquals(
                List.of("description"),
                refused(
                        admin.put(
                                "/dcl/canonical/entities/subscription",
                                "{\"description\":\""
                                        + tooLong
                                        + "\",\"fields\":[{\"name\":\"plan\"}]}")));
        assertEquals(
                List.of("legacyPath"),
                refused(
                        admin.put(
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"registry\",\"legacyPath\":\""
                                        + "p".repeat(1025)
                                        + "\"}")));
        assertEquals(
                List.of("notes"),
                refused(
                        Api.as(Tokens.mint(tenant, "rita", "reviewer"))
                                .post(
                                        "/dcl/approvals/" + UUID.randomUUID() + "/approve",
                                        "{\"notes\":\"" + tooLong + "\"}")));
        assertEquals(
                List.of("description"),
                refused(
                        runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\",\"description\":\""
                                        + tooLong
                                        + "\"}")));
        assertNothingWritten();
    }

    @Test
    void
            givenTheLongestNamesTheRulesAllow_whenSettingsAreDefined_thenTheyAreSavedAndAuditedNotA500() {
        String entity = "e" + "x".repeat(99);
        Api.Reply defined =
                admin.put(
                        "/dcl/canonical/entities/" + entity,
                        "{\"fields\":[{\"name\":\"plan\"}],\"reason\":\"long name\"}");
        assertEquals(201, defined.status(), defined.toString());
        String webhook = "w".repeat(64);
        Api.Reply hooked =
                admin.put(
                        "/dcl/admin/webhooks/" + webhook,
                        "{\"url\":\"http://127.0.0.1:9/nowhere\",\"secret\":\"0123456789abcdef\"}");
        assertEquals(201, hooked.status(), hooked.toString());
        assertEquals(204, admin.delete("/dcl/admin/webhooks/" + webhook).status());
    }
}
