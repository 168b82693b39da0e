package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics, as operators and clients use them. */
class OperationsIT extends DeployedRegistry {
    @Test
    void givenARunningService_whenReadinessIsAsked_thenTheDatabaseIsUp() {
        Api.Reply ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        JsonObject body = ready.json();
        assertEquals("UP", body.getString("status"));
        assertTrue(
                body.getJsonArray("checks").stream()
                        .anyMatch(
                                c ->
                                        c.asJsonObject().getString("name").equals("database")
                                                && c.asJsonObject()
                                                        .getString("status")
                                                        .equals("UP")),
                body.toString());
        assertEquals(200, Api.anonymous().get("/health/live").status());
    }

    @Test
    void givenTheApi_whenOpenApiIsAsked_thenEveryMappingPathIsDescribed() {
        Api.Reply openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.status());
        // GET /dcl/mappings/{connector} is served but not a path of its own in the document: it
        // is the template of /dcl/mappings/{id}, whose GET describes it (see docs/api.md).
        for (String path :
                new String[] {
                    "/dcl/mappings:",
                    "/dcl/mappings/{connector}/{table}:",
                    "/dcl/mappings/{connector}/{table}/{field}:",
                    "/dcl/mappings/{id}:",
                    "/dcl/mappings/{id}/history:",
                    "/dcl/transform:"
                }) {
            assertTrue(openapi.body().contains(path), "missing " + path);
        }
        assertTrue(openapi.body().contains("bearer"));
        assertEquals(200, Api.anonymous().get("/openapi/ui/").status());
    }

    @Test
    void givenTheService_whenMetricsAreScraped_thenPrometheusTextComesBack() {
        Api.Reply metrics = Api.anonymous().get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(
                metrics.body().contains("# TYPE"),
                metrics.body().substring(0, Math.min(200, metrics.body().length())));
    }
}
