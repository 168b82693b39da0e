package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The runtime's change feed: ordered, resumable without loss, tenant-scoped, long-polling. */
class ChangeFeedIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @Test
    void givenWrites_whenTheFeedIsReadInPagesAndResumed_thenEveryChangeComesOnceInOrder() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "amount", "opportunity", "amount"))
                        .json()
                        .getString("id");
        admin.post(
                "/dcl/mappings", mappingJson("hubspot", "deals", "stage", "opportunity", "stage"));
        admin.put(
                "/dcl/mappings/" + id,
                "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"value\"}",
                "If-Match",
                "\"1\"");
        admin.delete("/dcl/mappings/" + id);
        Api.as(Tokens.mint(Api.freshTenant(), "other", "admin"))
                .post(
                        "/dcl/mappings",
                        mappingJson("hubspot", "deals", "amount", "opportunity", "amount"));

        List<String> seen = new ArrayList<>();
        long since = 0;
        long last = -1;
        for (int page = 0; page < 10; page++) {
            JsonObject answer =
                    runtime.get("/dcl/mappings/changes?limit=1&timeout=0&since=" + since).json();
            JsonArray changes = answer.getJsonArray("changes");
            if (changes.isEmpty()) {
                assertEquals(since, answer.getJsonNumber("next").longValue());
                break;
            }
            JsonObject change = changes.getJsonObject(0);
            assertTrue(change.getJsonNumber("seq").longValue() > last, "seq grows");
            last = change.getJsonNumber("seq").longValue();
            JsonObject mapping = change.getJsonObject("mapping");
            seen.add(
                    change.getString("action")
                            + " "
                            + mapping.getString("sourceField")
                            + " v"
                            + mapping.getInt("version"));
            since = answer.getJsonNumber("next").longValue();
        }
        assertEquals(
                List.of(
                        "CREATED amount v1",
                        "CREATED stage v1",
                        "UPDATED amount v2",
                        "DELETED amount v3"),
                seen,
                "all of this tenant's changes, none of the other tenant's");
    }

    @Test
    void givenNoNewChanges_whenLongPolling_thenTheAnswerComesAsSoonAsAWriteCommits()
            throws Exception {
        long since =
                runtime.get("/dcl/mappings/changes?timeout=0")
                        .json()
                        .getJsonNumber("next")
                        .longValue();
        CompletableFuture<Api.Reply> waiting =
                CompletableFuture.supplyAsync(
                        () -> runtime.get("/dcl/mappings/changes?timeout=20&since=" + since));
        SecondNode.sleep(1000);
        assertTrue(!waiting.isDone(), "the poll waits while nothing changes");
        long writtenAt = System.nanoTime();
        admin.post(
                "/dcl/mappings",
                mappingJson("files", "customers.csv", "email", "contact", "email"));
        Api.Reply reply = waiting.get();
        long millis = (System.nanoTime() - writtenAt) / 1_000_000;
        assertEquals(200, reply.status());
        assertEquals(
                "email",
                reply.json()
                        .getJsonArray("changes")
                        .getJsonObject(0)
                        .getJsonObject("mapping")
                        .getString("sourceField"));
        assertTrue(millis < 2000, "answered " + millis + " ms after the write");
    }

    @Test
    void givenBadParameters_whenPolling_then400() {
        Api.Reply negative = runtime.get("/dcl/mappings/changes?since=-1");
        assertEquals(400, negative.status());
        assertTrue(negative.contentType().startsWith("application/problem+json"));
        assertEquals(
                "since",
                negative.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, runtime.get("/dcl/mappings/changes?timeout=600").status());
        assertEquals(400, runtime.get("/dcl/mappings/changes?limit=0").status());
        assertEquals(401, Api.anonymous().get("/dcl/mappings/changes").status());
    }
}
