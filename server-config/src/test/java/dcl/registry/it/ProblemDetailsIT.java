package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear RFC 9457 problem with the right status, and nothing is written. */
class ProblemDetailsIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    private static JsonObject problem(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(reply.body().contains("at dcl.registry"), "never a stack trace");
        return problem;
    }

    private static List<String> fieldsOf(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
    }

    @Test
    void givenMalformedJson_whenPosted_then400() {
        problem(admin.post("/dcl/mappings", "{\"connector\": \"x\","), 400);
        problem(admin.post("/dcl/mappings", "[1, 2]"), 400);
    }

    @Test
    void givenWrongTypesOrUnknownFields_whenPosted_then400NamingTheProblem() {
        JsonObject wrongType =
                problem(
                        admin.post(
                                "/dcl/mappings",
                                "{\"connector\":\"x\",\"sourceTable\":\"t\",\"sourceField\":\"f\",\"canonicalEntity\":\"e\","
                                        + "\"canonicalField\":\"c\",\"confidence\":\"high\"}"),
                        400);
        assertTrue(wrongType.getString("detail").contains("high"), wrongType.toString());
        JsonObject unknown =
                problem(
                        admin.post(
                                "/dcl/mappings",
                                "{\"connector\":\"x\",\"sourceTable\":\"t\",\"sourceField\":\"f\",\"canonicalEntity\":\"e\","
                                        + "\"canonicalField\":\"c\",\"canonical_field\":\"c\"}"),
                        400);
        assertTrue(unknown.getString("detail").contains("canonical_field"), unknown.toString());
    }

    @Test
    void givenMissingAndInvalidFields_whenPosted_thenEveryOneIsListed() {
        JsonObject problem =
                problem(
                        admin.post(
                                "/dcl/mappings",
                                "{\"connector\":\"sales"
                                        + " force\",\"canonicalEntity\":\"opportunity\",\"transform\":{\"type\":\"reverse\"},\"confidence\":2}"),
                        400);
        assertEquals(
                List.of(
                        "canonicalField",
                        "confidence",
                        "connector",
                        "sourceField",
                        "sourceTable",
                        "transform.type"),
                fieldsOf(problem));
        problem(admin.post("/dcl/mappings", ""), 400);
        assertEquals(
                0,
                admin.get("/dcl/mappings").json().getJsonArray("items").size(),
                "nothing was written");
    }

    @Test
    void givenUnknownEnumValuesAndBadQueryParameters_whenListing_then400() {
        assertEquals(
                List.of("status"), fieldsOf(problem(admin.get("/dcl/mappings?status=LIVE"), 400)));
        assertEquals(
                List.of("limit"), fieldsOf(problem(admin.get("/dcl/mappings?limit=5000"), 400)));
        assertEquals(
                List.of("limit"), fieldsOf(problem(admin.get("/dcl/mappings?limit=ten"), 400)));
        assertEquals(
                List.of("cursor"), fieldsOf(problem(admin.get("/dcl/mappings?cursor=!!!"), 400)));
        assertEquals(
                List.of("If-Match"),
                fieldsOf(
                        problem(
                                admin.put(
                                        "/dcl/mappings/00000000-0000-0000-0000-000000000000",
                                        "{\"canonicalEntity\":\"a\",\"canonicalField\":\"b\"}",
                                        "If-Match",
                                        "latest"),
                                400)));
        assertEquals(
                List.of("id"),
                fieldsOf(
                        problem(
                                admin.put(
                                        "/dcl/mappings/not-a-uuid",
                                        "{\"canonicalEntity\":\"a\",\"canonicalField\":\"b\"}",
                                        "If-Match",
                                        "\"1\""),
                                400)));
    }

    @Test
    void givenAnOversizedBody_whenPosted_then413() {
        String huge = "{\"reason\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        problem(admin.post("/dcl/mappings", huge), 413);
    }

    @Test
    void givenUnknownPathsMethodsOrMediaTypes_whenCalled_thenProblems() {
        problem(admin.get("/dcl/nothing-here"), 404);
        problem(admin.get("/nothing-here"), 404);
        problem(admin.send("PATCH", "/dcl/mappings", "{}"), 405);
        problem(
                admin.send("POST", "/dcl/mappings", "plain text", "Content-Type", "text/plain"),
                415);
    }

    @Test
    void givenABadTransformRequest_whenPosted_then400NotA500() {
        Api service = Api.as(Tokens.mint(tenant, "aam", "service"));
        assertEquals(
                List.of("records"),
                fieldsOf(
                        problem(
                                service.post(
                                        "/dcl/transform", "{\"connector\":\"x\",\"table\":\"t\"}"),
                                400)));
        assertEquals(
                List.of("records"),
                fieldsOf(
                        problem(
                                service.post(
                                        "/dcl/transform",
                                        "{\"connector\":\"x\",\"table\":\"t\",\"records\":[1,2]}"),
                                400)));
    }
}
