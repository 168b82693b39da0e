package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of the Mapping table of api.md, over HTTP against the real server and database. */
class MappingApiIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api viewer = Api.as(Tokens.mint(tenant, "victor", "viewer"));

    private JsonObject create(String table, String field, String entity, String canonical) {
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson("salesforce", table, field, entity, canonical));
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    @Test
    void givenANewMapping_whenPosted_thenCreatedWithLocationAndReadableByViewers() {
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        "{\"connector\":\"SalesForce\",\"sourceTable\":\"Opportunity\",\"sourceField\":\"Amount\","
                                + "\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\",\"transform\":{\"type\":\"number\"},"
                                + "\"confidence\":0.9,\"reason\":\"initial\"}");
        assertEquals(201, created.status(), created.toString());
        JsonObject body = created.json();
        String id = body.getString("id");
        assertEquals(Api.BASE + "/dcl/mappings/" + id, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("salesforce", body.getString("connector"));
        assertEquals("ACTIVE", body.getString("status"));
        assertEquals("admin", body.getString("provenance"));
        assertEquals("alice", body.getString("updatedBy"));
        assertEquals(0.9, body.getJsonNumber("confidence").doubleValue());
        assertEquals("number", body.getJsonObject("transform").getString("type"));

        Api.Reply byLocation = viewer.get("/dcl/mappings/" + id);
        assertEquals(200, byLocation.status());
        assertEquals(body, byLocation.json());

        Api.Reply lookup = viewer.get("/dcl/mappings/salesforce/opportunity/Amount");
        assertEquals(200, lookup.status(), "the table is matched case-insensitively");
        assertEquals(id, lookup.json().getString("id"));
        assertEquals(
                404,
                viewer.get("/dcl/mappings/salesforce/Opportunity/amount").status(),
                "the field is matched exactly");
    }

    @Test
    void givenAMapping_whenReadWithItsETag_thenNotModified() {
        String id = create("Account", "Name", "account", "name").getString("id");
        Api.Reply first = viewer.get("/dcl/mappings/salesforce/Account/Name");
        assertEquals("\"1\"", first.header("ETag"));
        assertEquals(
                304,
                viewer.get("/dcl/mappings/salesforce/Account/Name", "If-None-Match", "\"1\"")
                        .status());
        assertEquals(304, viewer.get("/dcl/mappings/" + id, "If-None-Match", "\"1\"").status());
        assertEquals(200, viewer.get("/dcl/mappings/" + id, "If-None-Match", "\"0\"").status());
    }

    @Test
    void givenAMapping_whenACaseVariantIsPosted_thenConflictPointsToPut() {
        String id = create("Opportunity", "StageName", "opportunity", "stage").getString("id");
        Api.Reply duplicate =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce", "OPPORTUNITY", "StageName", "opportunity", "stage"));
        assertEquals(409, duplicate.status());
        assertEquals("application/problem+json", duplicate.contentType());
        JsonObject problem = duplicate.json();
        assertEquals(409, problem.getInt("status"));
        assertEquals(id, problem.getString("existingId"));
        assertTrue(
                problem.getString("detail").contains("PUT /dcl/mappings/" + id),
                problem.toString());
    }

    @Test
    void givenAMapping_whenPutWithCurrentStaleOrNoVersion_then200Or412Or428() {
        String id = create("Lead", "Email", "lead", "email").getString("id");
        String change =
                "{\"canonicalEntity\":\"lead\",\"canonicalField\":\"email_address\","
                        + "\"transform\":{\"type\":\"lowercase\"},\"reason\":\"rename\"}";

        Api.Reply updated = admin.put("/dcl/mappings/" + id, change, "If-Match", "\"1\"");
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(2, updated.json().getInt("version"));
        assertEquals("email_address", updated.json().getString("canonicalField"));
        assertEquals("\"2\"", updated.header("ETag"));

        Api.Reply stale = admin.put("/dcl/mappings/" + id, change, "If-Match", "\"1\"");
        assertEquals(412, stale.status());
        assertEquals(2, stale.json().getInt("currentVersion"));

        // If-Match compares strongly (RFC 9110): the current version, tagged weak, never matches
        Api.Reply weak = admin.put("/dcl/mappings/" + id, change, "If-Match", "W/\"2\"");
        assertEquals(412, weak.status(), weak.toString());
        assertTrue(weak.json().getString("detail").contains("weak tag"), weak.toString());
        assertEquals(2, viewer.get("/dcl/mappings/salesforce/Lead/Email").json().getInt("version"));

        assertEquals(428, admin.put("/dcl/mappings/" + id, change).status());
        assertEquals(
                404,
                admin.put(
                                "/dcl/mappings/00000000-0000-0000-0000-000000000000",
                                change,
                                "If-Match",
                                "\"1\"")
                        .status());
        assertEquals(
                "email_address",
                viewer.get("/dcl/mappings/salesforce/Lead/Email")
                        .json()
                        .getString("canonicalField"));
    }

    @Test
    void
            givenAMappingAsRead_whenEditedAndPutBackWhole_thenTheRoundTripWorksAndKeepsWhatWasNotEdited() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                "{\"connector\":\"salesforce\",\"sourceTable\":\"Opportunity\","
                                        + "\"sourceField\":\"Amount\",\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\","
                                        + "\"transform\":{\"type\":\"number\"},\"confidence\":0.9}")
                        .json()
                        .getString("id");
        Api.Reply read = admin.get("/dcl/mappings/" + id);
        JsonObject edited =
                Json.createObjectBuilder(read.json())
                        .add("canonicalField", "amount_usd")
                        .add("reason", "currency split")
                        .build();

        Api.Reply put =
                admin.put(
                        "/dcl/mappings/" + id, edited.toString(), "If-Match", read.header("ETag"));
        assertEquals(200, put.status(), put.toString());
        JsonObject after = put.json();
        assertEquals(2, after.getInt("version"));
        assertEquals("\"2\"", put.header("ETag"));
        assertEquals("amount_usd", after.getString("canonicalField"));
        assertEquals(
                "number",
                after.getJsonObject("transform").getString("type"),
                "what the representation carried is kept");
        assertEquals(0.9, after.getJsonNumber("confidence").doubleValue());
        assertEquals(
                List.of(id, "salesforce", "Opportunity", "Amount", "ACTIVE"),
                List.of(
                        after.getString("id"),
                        after.getString("connector"),
                        after.getString("sourceTable"),
                        after.getString("sourceField"),
                        after.getString("status")));
        assertEquals(
                "currency split",
                viewer.get("/dcl/mappings/" + id + "/history")
                        .items()
                        .getJsonObject(1)
                        .getString("reason"));

        JsonObject otherSpelling =
                Json.createObjectBuilder(after)
                        .add("connector", "SalesForce")
                        .add("sourceTable", "OPPORTUNITY")
                        .add("status", "DEPRECATED")
                        .add("version", 99)
                        .add("updatedBy", "mallory")
                        .build();
        Api.Reply same =
                admin.put("/dcl/mappings/" + id, otherSpelling.toString(), "If-Match", "\"2\"");
        assertEquals(
                200,
                same.status(),
                "the same identity in another spelling; read-only fields ignored: " + same);
        assertEquals(
                "Opportunity", same.json().getString("sourceTable"), "the stored spelling stays");
        assertEquals("ACTIVE", same.json().getString("status"));
        assertEquals(
                2, same.json().getInt("version"), "the content is unchanged, so nothing is stored");
        assertEquals("alice", same.json().getString("updatedBy"));
    }

    @Test
    void givenAMapping_whenPutWithAnotherIdentity_then400NamingEachFieldAndNothingChanges() {
        JsonObject read = create("Opportunity", "CloseDate", "opportunity", "close_date");
        String id = read.getString("id");
        for (String[] change :
                new String[][] {
                    {"connector", "hubspot"},
                    {"sourceTable", "Account"},
                    {"sourceField", "closedate"},
                    {"id", "00000000-0000-0000-0000-000000000001"}
                }) {
            JsonObject moved = Json.createObjectBuilder(read).add(change[0], change[1]).build();
            Api.Reply refused =
                    admin.put("/dcl/mappings/" + id, moved.toString(), "If-Match", "\"1\"");
            assertEquals(400, refused.status(), change[0] + ": " + refused);
            assertEquals("application/problem+json", refused.contentType());
            assertEquals(
                    List.of(change[0]),
                    refused.json().getJsonArray("errors").stream()
                            .map(e -> e.asJsonObject().getString("field"))
                            .toList(),
                    refused.toString());
            assertTrue(
                    refused.json()
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("message")
                            .contains("identity"),
                    refused.toString());
        }
        Api.Reply invalid =
                admin.put(
                        "/dcl/mappings/" + id,
                        Json.createObjectBuilder(read)
                                .add("connector", "sales force")
                                .build()
                                .toString(),
                        "If-Match",
                        "\"1\"");
        assertEquals(400, invalid.status());
        assertEquals(
                1,
                viewer.get("/dcl/mappings/" + id).json().getInt("version"),
                "nothing was written");
    }

    @Test
    void givenAMapping_whenMergePatched_thenOnlyTheNamedFieldsChangeAndNullClearsTheTransform() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                "{\"connector\":\"salesforce\",\"sourceTable\":\"Quote\","
                                        + "\"sourceField\":\"Total\",\"canonicalEntity\":\"quote\",\"canonicalField\":\"total\","
                                        + "\"transform\":{\"type\":\"number\"},\"confidence\":0.9}")
                        .json()
                        .getString("id");

        Api.Reply confidence =
                admin.patch(
                        "/dcl/mappings/" + id,
                        "{\"confidence\":0.8,\"reason\":\"spot check\"}",
                        "If-Match",
                        "\"1\"");
        assertEquals(200, confidence.status(), confidence.toString());
        assertEquals("\"2\"", confidence.header("ETag"));
        JsonObject afterConfidence = confidence.json();
        assertEquals(2, afterConfidence.getInt("version"));
        assertEquals(0.8, afterConfidence.getJsonNumber("confidence").doubleValue());
        assertEquals(
                "number",
                afterConfidence.getJsonObject("transform").getString("type"),
                "not named, so kept");
        assertEquals("total", afterConfidence.getString("canonicalField"));

        Api.Reply cleared =
                admin.patch("/dcl/mappings/" + id, "{\"transform\":null}", "If-Match", "\"2\"");
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals(
                JsonValue.NULL,
                cleared.json().get("transform"),
                "null removes: the value is copied as is");
        assertEquals(0.8, cleared.json().getJsonNumber("confidence").doubleValue());
        assertEquals(3, cleared.json().getInt("version"));

        Api.Reply again =
                admin.patch("/dcl/mappings/" + id, "{\"transform\":null}", "If-Match", "\"3\"");
        assertEquals(200, again.status(), again.toString());
        assertEquals("\"3\"", again.header("ETag"), "a patch that changes nothing stores nothing");

        Api.Reply valueMap =
                admin.patch(
                        "/dcl/mappings/" + id,
                        "{\"canonicalField\":\"total_amount\",\"transform\":{\"type\":\"valueMap\",\"values\":{\"n/a\":\"0\"}},"
                                + "\"sourceTable\":\"QUOTE\"}",
                        "If-Match",
                        "\"3\"");
        assertEquals(
                200,
                valueMap.status(),
                "the identity restated in another spelling is fine: " + valueMap);
        assertEquals("valueMap", valueMap.json().getJsonObject("transform").getString("type"));
        assertEquals("total_amount", valueMap.json().getString("canonicalField"));
        assertEquals(
                "Quote", valueMap.json().getString("sourceTable"), "the stored spelling stays");

        JsonArray history = viewer.get("/dcl/mappings/" + id + "/history").items();
        assertEquals(
                List.of("CREATED", "UPDATED", "UPDATED", "UPDATED"),
                history.stream().map(e -> e.asJsonObject().getString("action")).toList(),
                "every patch that changes something is an audited version");
        assertEquals("spot check", history.getJsonObject(1).getString("reason"));
        assertEquals(
                "number",
                history.getJsonObject(2)
                        .getJsonObject("before")
                        .getJsonObject("transform")
                        .getString("type"));
        assertEquals(
                JsonValue.NULL, history.getJsonObject(2).getJsonObject("after").get("transform"));
    }

    @Test
    void givenAMapping_whenPatchedWithoutOrWithAStaleVersionOrAnotherMediaType_then428Or412Or415() {
        String id = create("Quote", "Status", "quote", "status").getString("id");
        String patch = "{\"confidence\":0.5}";

        Api.Reply missing = admin.patch("/dcl/mappings/" + id, patch);
        assertEquals(428, missing.status(), missing.toString());
        assertEquals("application/problem+json", missing.contentType());
        Api.Reply stale = admin.patch("/dcl/mappings/" + id, patch, "If-Match", "\"7\"");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals(1, stale.json().getInt("currentVersion"));
        Api.Reply json =
                admin.patch(
                        "/dcl/mappings/" + id,
                        patch,
                        "If-Match",
                        "\"1\"",
                        "Content-Type",
                        "application/json");
        assertEquals(415, json.status(), json.toString());
        assertTrue(json.contentType().startsWith("application/problem+json"), json.toString());
        assertEquals(
                404,
                admin.patch(
                                "/dcl/mappings/00000000-0000-0000-0000-000000000000",
                                patch,
                                "If-Match",
                                "\"1\"")
                        .status());
        assertEquals(403, viewer.patch("/dcl/mappings/" + id, patch, "If-Match", "\"1\"").status());
        assertEquals(
                1,
                viewer.get("/dcl/mappings/" + id).json().getInt("version"),
                "nothing was written");
    }

    @Test
    void givenAMapping_whenPatchedIntoSomethingInvalid_then400NamingTheFieldAndNothingChanges() {
        String id = create("Quote", "Owner", "quote", "owner").getString("id");
        for (String[] refused :
                new String[][] {
                    {"{\"connector\":\"hubspot\"}", "connector"},
                    {"{\"sourceField\":\"owner\"}", "sourceField"},
                    {"{\"status\":\"DEPRECATED\"}", "status"},
                    {"{\"version\":5}", "version"},
                    {"{\"canonicalField\":null}", "canonicalField"},
                    {"{\"confidence\":2}", "confidence"},
                    {"{\"transform\":{\"type\":\"reverse\"}}", "transform.type"}
                }) {
            Api.Reply reply = admin.patch("/dcl/mappings/" + id, refused[0], "If-Match", "\"1\"");
            assertEquals(400, reply.status(), refused[0] + " -> " + reply);
            assertEquals(
                    List.of(refused[1]),
                    reply.json().getJsonArray("errors").stream()
                            .map(e -> e.asJsonObject().getString("field"))
                            .toList(),
                    refused[0] + " -> " + reply);
        }
        for (String malformed :
                List.of("[]", "{\"confidence\":", "", "{\"canonical_field\":\"x\"}")) {
            Api.Reply reply = admin.patch("/dcl/mappings/" + id, malformed, "If-Match", "\"1\"");
            assertEquals(400, reply.status(), malformed + " -> " + reply);
            assertTrue(
                    reply.contentType().startsWith("application/problem+json"), reply.toString());
        }
        assertEquals(
                1,
                viewer.get("/dcl/mappings/" + id).json().getInt("version"),
                "nothing was written");
    }

    @Test
    void givenALongHistory_whenReadPageByPage_thenTheCursorWalksItOldestFirst() {
        String id = create("Campaign", "Name", "campaign", "name").getString("id");
        for (int version = 1; version <= 4; version++) {
            assertEquals(
                    200,
                    admin.patch(
                                    "/dcl/mappings/" + id,
                                    "{\"confidence\":0." + version + "}",
                                    "If-Match",
                                    "\"" + version + "\"")
                            .status());
        }
        List<Integer> versions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page =
                    viewer.get(
                            "/dcl/mappings/"
                                    + id
                                    + "/history?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.toString());
            page.items().forEach(entry -> versions.add(entry.asJsonObject().getInt("version")));
            cursor = page.json().isNull("next") ? null : page.json().getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(List.of(1, 2, 3, 4, 5), versions);
        assertEquals(3, pages);
        assertEquals(400, viewer.get("/dcl/mappings/" + id + "/history?cursor=not-ours").status());
        assertEquals(400, viewer.get("/dcl/mappings/" + id + "/history?limit=0").status());
    }

    @Test
    void givenAMapping_whenDeleted_thenLookupsMissItAndHistoryKeepsEveryVersion() {
        String id = create("Contact", "Phone", "contact", "phone").getString("id");
        assertEquals(
                200,
                admin.put(
                                "/dcl/mappings/" + id,
                                "{\"canonicalEntity\":\"contact\",\"canonicalField\":\"phone_number\",\"reason\":\"align\"}",
                                "If-Match",
                                "\"1\"")
                        .status());
        assertEquals(
                412,
                admin.delete("/dcl/mappings/" + id + "?reason=unused", "If-Match", "\"1\"")
                        .status());
        assertEquals(
                204,
                admin.delete("/dcl/mappings/" + id + "?reason=unused", "If-Match", "\"2\"")
                        .status());

        assertEquals(404, viewer.get("/dcl/mappings/salesforce/Contact/Phone").status());
        Api.Reply kept = viewer.get("/dcl/mappings/" + id);
        assertEquals("DEPRECATED", kept.json().getString("status"));

        Api.Reply historyPage = viewer.get("/dcl/mappings/" + id + "/history");
        assertEquals(200, historyPage.status(), historyPage.toString());
        assertTrue(historyPage.json().isNull("next"), "one page holds all three versions");
        JsonArray history = historyPage.items();
        assertEquals(
                List.of("CREATED", "UPDATED", "DELETED"),
                history.stream().map(e -> e.asJsonObject().getString("action")).toList());
        assertEquals(
                List.of(1, 2, 3),
                history.stream().map(e -> e.asJsonObject().getInt("version")).toList());
        JsonObject update = history.getJsonObject(1);
        assertEquals("alice", update.getString("actor"));
        assertEquals("align", update.getString("reason"));
        assertEquals("phone", update.getJsonObject("before").getString("canonicalField"));
        assertEquals("phone_number", update.getJsonObject("after").getString("canonicalField"));
        assertEquals(JsonValue.NULL, history.getJsonObject(0).get("before"));
        assertEquals("unused", history.getJsonObject(2).getString("reason"));

        Api.Reply again =
                admin.post(
                        "/dcl/mappings",
                        mappingJson("salesforce", "contact", "Phone", "contact", "phone"));
        assertEquals(201, again.status(), "a retired identity can be decided again");
        assertEquals(id, again.json().getString("id"));
        assertEquals(4, again.json().getInt("version"));
    }

    @Test
    void givenATable_whenItsSetIsRead_thenActiveFieldsWithAVersionedETag() {
        create("Case", "Subject", "ticket", "subject");
        String priority = create("Case", "Priority", "ticket", "priority").getString("id");
        Api.Reply set = viewer.get("/dcl/mappings/salesforce/case");
        assertEquals(200, set.status(), set.toString());
        JsonObject fields = set.json().getJsonObject("fields");
        assertEquals(2, fields.size());
        assertEquals("subject", fields.getJsonObject("Subject").getString("canonicalField"));
        String etag = set.header("ETag");
        assertNotNull(etag);
        assertEquals(
                304, viewer.get("/dcl/mappings/salesforce/case", "If-None-Match", etag).status());

        assertEquals(204, admin.delete("/dcl/mappings/" + priority).status());
        Api.Reply after = viewer.get("/dcl/mappings/salesforce/case", "If-None-Match", etag);
        assertEquals(200, after.status(), "a write to the table changes its ETag");
        assertNotEquals(etag, after.header("ETag"));
        assertEquals(1, after.json().getJsonObject("fields").size());
        assertEquals(404, viewer.get("/dcl/mappings/salesforce/NoSuchTable").status());
    }

    @Test
    void givenManyMappings_whenListedPageByPage_thenEveryOneComesOnceInOrder() {
        for (int i = 0; i < 5; i++) {
            create("Product", "Field" + i, "product", "f" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page =
                    viewer.get(
                            "/dcl/mappings/salesforce?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.toString());
            page.json()
                    .getJsonArray("items")
                    .forEach(item -> seen.add(item.asJsonObject().getString("sourceField")));
            cursor = page.json().isNull("next") ? null : page.json().getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("Field0", "Field1", "Field2", "Field3", "Field4"), seen);
        assertEquals(3, pages);
    }

    @Test
    void givenMappings_whenSearched_thenFiltersCombine() {
        create("Order", "Total", "order", "total");
        create("Order", "Status", "order", "status");
        String retired = create("Invoice", "Total", "invoice", "total").getString("id");
        admin.delete("/dcl/mappings/" + retired);

        assertEquals(List.of("Status", "Total"), fields(viewer.get("/dcl/mappings?entity=order")));
        assertEquals(List.of("Total", "Total"), fields(viewer.get("/dcl/mappings?q=tot")));
        assertEquals(List.of("Total"), fields(viewer.get("/dcl/mappings?q=tot&status=ACTIVE")));
        assertEquals(List.of("Total"), fields(viewer.get("/dcl/mappings?table=INVOICE")));
        assertEquals(List.of(), fields(viewer.get("/dcl/mappings?connector=hubspot")));
    }

    @Test
    void givenMappingsWithTransforms_whenRecordsAreTransformed_thenEventsUnmappedAndFieldErrors() {
        admin.post(
                "/dcl/mappings",
                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\","
                        + "\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"amount\",\"transform\":{\"type\":\"number\"}}");
        admin.post(
                "/dcl/mappings",
                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"dealstage\","
                        + "\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"stage\","
                        + "\"transform\":{\"type\":\"valueMap\",\"values\":{\"closedwon\":\"won\"}}}");
        admin.post(
                "/dcl/mappings",
                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"closedate\","
                        + "\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"close_date\","
                        + "\"transform\":{\"type\":\"date\",\"format\":\"dd.MM.yyyy\"}}");
        Api service = Api.as(Tokens.mint(tenant, "aam", "service"));
        Api.Reply reply =
                service.post(
                        "/dcl/transform",
                        "{\"connector\":\"hubspot\",\"table\":\"Deals\",\"records\":["
                                + "{\"amount\":\"1200.5\",\"dealstage\":\"closedwon\",\"closedate\":\"31.12.2025\",\"hs_owner\":\"x\"},"
                                + "{\"amount\":\"n/a\",\"dealstage\":\"closedwon\"}]}");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject out = reply.json();
        JsonObject first = out.getJsonArray("events").getJsonObject(0);
        assertEquals("opportunity", first.getString("entity"));
        assertEquals(0, first.getInt("record"));
        assertEquals(1200.5, first.getJsonObject("values").getJsonNumber("amount").doubleValue());
        assertEquals("won", first.getJsonObject("values").getString("stage"));
        assertEquals("2025-12-31", first.getJsonObject("values").getString("close_date"));
        assertEquals(
                List.of("hs_owner"),
                out.getJsonArray("unmapped").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        JsonObject error = out.getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInt("record"));
        assertEquals("amount", error.getString("field"));
        JsonObject second = out.getJsonArray("events").getJsonObject(1);
        assertEquals(
                "won",
                second.getJsonObject("values").getString("stage"),
                "the rest of a record with a bad field still flows");
    }

    private static List<String> fields(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("sourceField"))
                .sorted()
                .toList();
    }
}
