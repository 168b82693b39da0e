package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roles and tenants exactly as api.md says: 401 without a valid token, 403 without the role, 404
 * across tenants.
 */
class SecurityIT extends DeployedRegistry {
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    private String createAmount() {
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce", "Opportunity", "Amount", "opportunity", "amount"));
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("id");
    }

    @Test
    void givenNoOrABadToken_whenCalling_then401WithABearerChallenge() {
        String path = "/dcl/mappings/salesforce/Opportunity/Amount";
        for (Api caller :
                new Api[] {
                    Api.anonymous(),
                    Api.as("not-a-jwt"),
                    Api.as(Tokens.signedByStranger(tenant, "mallory", "admin")),
                    Api.as(Tokens.expired(tenant, "alice", "admin"))
                }) {
            Api.Reply reply = caller.get(path);
            assertEquals(401, reply.status(), reply.toString());
            assertNotNull(reply.header("WWW-Authenticate"));
        }
    }

    @Test
    void givenATokenWithoutTenant_whenCalling_then401Problem() {
        Api.Reply reply = Api.as(Tokens.withoutTenant("alice", "admin")).get("/dcl/mappings");
        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("The token carries no tenant_id claim", reply.json().getString("detail"));
    }

    @Test
    void
            givenATenantClaimThatIsNotExactlyATenantString_whenCalling_then401AndNoOtherTenantIsReached() {
        createAmount();
        String path = "/dcl/mappings/salesforce/Opportunity/Amount";
        for (Object claim :
                new Object[] {
                    "\"" + tenant + "\"",
                    tenant.substring(0, 2) + "\"" + tenant.substring(2),
                    " " + tenant,
                    42,
                    List.of(tenant),
                    Map.of("id", tenant)
                }) {
            Api.Reply reply = Api.as(Tokens.withTenantClaim(claim, "mallory", "admin")).get(path);
            assertEquals(401, reply.status(), claim + " -> " + reply);
            assertEquals("application/problem+json", reply.contentType());
        }
    }

    @Test
    void
            givenTokensNearTheirExpiryOrForAnotherAudience_whenCalling_thenOnlyTheConfiguredSkewIsForgiven() {
        String path = "/dcl/mappings/salesforce/Opportunity/Amount";
        assertEquals(
                404,
                Api.as(Tokens.expiredSecondsAgo(5, tenant, "alice", "admin")).get(path).status(),
                "5 s past expiry is within the 30 s clock skew");
        assertEquals(
                401,
                Api.as(Tokens.expiredSecondsAgo(45, tenant, "alice", "admin")).get(path).status(),
                "45 s past expiry is beyond it");
        String otherAudience =
                Tokens.sign(
                        Tokens.devKey(),
                        Tokens.claims(tenant, "alice", "admin")
                                .audience("another-service")
                                .build());
        assertEquals(401, Api.as(otherAudience).get(path).status());
        String noAudience =
                Tokens.sign(
                        Tokens.devKey(),
                        Tokens.claims(tenant, "alice", "admin").audience((String) null).build());
        assertEquals(401, Api.as(noAudience).get(path).status());
    }

    @Test
    void givenRolesThatDoNotAllowIt_whenCalling_then403Problem() {
        String id = createAmount();
        Api viewer = Api.as(Tokens.mint(tenant, "victor", "viewer"));
        Api service = Api.as(Tokens.mint(tenant, "aam", "service"));
        Api reviewer = Api.as(Tokens.mint(tenant, "rita", "reviewer"));
        Api nobody = Api.as(Tokens.mint(tenant, "ned"));
        String body =
                mappingJson("salesforce", "Opportunity", "CloseDate", "opportunity", "close_date");

        assertForbidden(viewer.post("/dcl/mappings", body));
        assertForbidden(service.post("/dcl/mappings", body));
        assertForbidden(
                reviewer.put(
                        "/dcl/mappings/" + id,
                        "{\"canonicalEntity\":\"a\",\"canonicalField\":\"b\"}",
                        "If-Match",
                        "\"1\""));
        assertForbidden(service.delete("/dcl/mappings/" + id));
        assertForbidden(
                viewer.post(
                        "/dcl/transform",
                        "{\"connector\":\"salesforce\",\"table\":\"Opportunity\",\"records\":[]}"));
        assertForbidden(nobody.get("/dcl/mappings/salesforce/Opportunity/Amount"));

        assertEquals(200, viewer.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(200, service.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(
                200,
                service.post(
                                "/dcl/transform",
                                "{\"connector\":\"salesforce\",\"table\":\"Opportunity\",\"records\":[]}")
                        .status());
        assertEquals(
                1,
                viewer.get("/dcl/mappings/" + id).json().getInt("version"),
                "nothing was written by refused calls");
    }

    @Test
    void givenAnotherTenantsMapping_whenReadOrWritten_then404AndNothingChanges() {
        String id = createAmount();
        Api intruder = Api.as(Tokens.mint(Api.freshTenant(), "mallory", "admin", "viewer"));

        assertEquals(404, intruder.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(404, intruder.get("/dcl/mappings/" + id).status());
        assertEquals(404, intruder.get("/dcl/mappings/" + id + "/history").status());
        assertEquals(404, intruder.get("/dcl/mappings/salesforce/Opportunity").status());
        assertEquals(
                404,
                intruder.put(
                                "/dcl/mappings/" + id,
                                "{\"canonicalEntity\":\"x\",\"canonicalField\":\"y\"}",
                                "If-Match",
                                "\"1\"")
                        .status());
        assertEquals(404, intruder.delete("/dcl/mappings/" + id).status());
        assertEquals(
                0,
                intruder.get("/dcl/mappings?connector=salesforce")
                        .json()
                        .getJsonArray("items")
                        .size());

        JsonObject mine = admin.get("/dcl/mappings/" + id).json();
        assertEquals("ACTIVE", mine.getString("status"));
        assertEquals("amount", mine.getString("canonicalField"));

        Api.Reply sameIdentity =
                intruder.post(
                        "/dcl/mappings",
                        mappingJson("salesforce", "Opportunity", "Amount", "opportunity", "value"));
        assertEquals(201, sameIdentity.status(), "identities are per tenant");
    }

    @Test
    void givenAWrite_whenAudited_thenTheCallersSubjectIsRecorded() {
        String id = createAmount();
        Api bob = Api.as(Tokens.mint(tenant, "bob", "admin"));
        assertEquals(
                200,
                bob.put(
                                "/dcl/mappings/" + id,
                                "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"value\"}",
                                "If-Match",
                                "\"1\"")
                        .status());
        var history = admin.get("/dcl/mappings/" + id + "/history").items();
        assertEquals("alice", history.getJsonObject(0).getString("actor"));
        assertEquals("bob", history.getJsonObject(1).getString("actor"));
        assertEquals("bob", admin.get("/dcl/mappings/" + id).json().getString("updatedBy"));
    }

    @Test
    void givenATokenNamingTheRolloutGuard_whenWriting_then401AndNothingIsSavedAsTheGuard() {
        for (String guard : List.of("dcl-rollout-guard", "DCL-Rollout-Guard")) {
            Api.Reply posing =
                    Api.as(Tokens.mint(tenant, guard, "admin"))
                            .put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"registry\"}");
            assertEquals(401, posing.status(), guard + ": " + posing);
            assertTrue(posing.body().contains("rollout guard"), posing.toString());
        }
        assertFalse(
                admin.get("/dcl/admin/rollout").body().contains("dcl-rollout-guard"),
                "the guard's name tells its holds apart from people's changes");
    }

    private static void assertForbidden(Api.Reply reply) {
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(403, reply.json().getInt("status"));
    }
}
