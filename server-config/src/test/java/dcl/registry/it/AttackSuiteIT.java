package dcl.registry.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service as an attacker meets it, on the real server: forged and bent tokens, every role
 * against every write, another tenant's objects and folders, internal webhook targets, and a fuzzer
 * sending malformed requests to every endpoint. Whatever is sent: no 5xx, a problem document for
 * every 4xx, and no internal (Java) names in any body.
 */
class AttackSuiteIT extends DeployedRegistry {
    /**
     * Java class, package or exception names a body must never carry (nor a system file's lines).
     */
    private static final Pattern INTERNAL =
            Pattern.compile(
                    "dcl\\.registry|\\bjava\\.[a-z]|\\bjakarta\\.[a-z]|org\\.eclipse|com\\.ibm|io\\.openliberty|org\\.postgresql|[A-Z][A-Za-z]+(Exception|Error)\\b|\\$[A-Z][A-Za-z]+|\\bat"
                            + " [a-z]+\\.[a-z]+\\.|root:x:0:0");

    private static final String[] ALL_ROLES = {
        "viewer", "service", "reviewer", "admin", "operator"
    };

    private final String tenant = Api.freshTenant();
    private final String token = Tokens.mint(tenant, "alice", ALL_ROLES);
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> notProblems = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private int requests;

    /**
     * The one answer that is not the application's: Liberty's web container refuses a path it will
     * not canonicalize (an encoded control character, dot segment or slash, a malformed escape)
     * with its own 400 page before any application code runs, error pages included.
     */
    private static final String LIBERTY_REFUSED_PATH = "CWWWC0005I";

    private int libertyRefusals;

    // ---- tokens
    // ------------------------------------------------------------------------------------

    @Test
    void givenForgedOrBentTokens_whenCalling_thenEachIs401() throws Exception {
        String path = "/dcl/mappings/salesforce/Opportunity/Amount";
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "amount"))
                        .status());
        String valid = Tokens.mint(tenant, "alice", "admin");
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put(
                "alg none",
                b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(UTF_8))
                        + "."
                        + parts[1]
                        + ".");
        attacks.put(
                "alg none, signature kept",
                b64.encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8))
                        + "."
                        + parts[1]
                        + "."
                        + parts[2]);
        attacks.put("HS256 keyed with the public key", hmacWithPublicKey(tenant));
        attacks.put("foreign key", Tokens.signedByStranger(tenant, "mallory", "admin"));
        attacks.put(
                "tampered tenant",
                parts[0]
                        + "."
                        + b64.encodeToString(
                                payload.replace(tenant, Api.freshTenant()).getBytes(UTF_8))
                        + "."
                        + parts[2]);
        attacks.put(
                "tampered groups",
                parts[0]
                        + "."
                        + b64.encodeToString(
                                payload.replace("\"admin\"", "\"operator\"").getBytes(UTF_8))
                        + "."
                        + parts[2]);
        attacks.put("signature stripped", parts[0] + "." + parts[1] + ".");
        attacks.put("expired", Tokens.expired(tenant, "alice", "admin"));
        attacks.put(
                "wrong issuer",
                Tokens.sign(
                        Tokens.devKey(),
                        Tokens.claims(tenant, "alice", "admin")
                                .issuer("https://evil.example")
                                .build()));
        attacks.put(
                "no expiry",
                Tokens.sign(
                        Tokens.devKey(),
                        Tokens.claims(tenant, "alice", "admin").expirationTime(null).build()));
        attacks.put(
                "other audience",
                Tokens.sign(
                        Tokens.devKey(),
                        Tokens.claims(tenant, "alice", "admin").audience("other").build()));
        attacks.put(
                "tenant claim with quotes",
                Tokens.withTenantClaim("\"" + tenant + "\"", "mallory", "admin"));
        attacks.put("tenant claim as number", Tokens.withTenantClaim(7, "mallory", "admin"));
        attacks.put("not a JWT", "not-a-jwt");
        attacks.put("empty", "");
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            Api.Reply reply = Api.as(attack.getValue()).get(path);
            requests++;
            assertEquals(401, reply.status(), attack.getKey() + ": " + reply);
            assertTrue(
                    reply.header("WWW-Authenticate") != null,
                    attack.getKey() + " has a Bearer challenge");
            checkBody(attack.getKey(), reply.body());
        }
        assertEquals(List.of(), leaks);
        System.out.printf(
                "attack suite, tokens: %d forged or bent tokens, all 401%n", attacks.size());
    }

    private static String hmacWithPublicKey(String tenant)
            throws JOSEException, java.io.IOException {
        byte[] publicKey =
                Files.readAllBytes(
                        Path.of(
                                System.getProperty("dcl.dev.keys", "../bin/dev-keys"),
                                "public.pem"));
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader(JWSAlgorithm.HS256),
                        Tokens.claims(tenant, "mallory", "admin").build());
        jwt.sign(new MACSigner(publicKey));
        return jwt.serialize();
    }

    // ---- roles
    // -------------------------------------------------------------------------------------

    private record Call(String method, String path, String body, List<String> allowed) {}

    @Test
    void givenEveryRole_whenCallingEveryWrite_thenOnlyTheDocumentedRolesGetPast403() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson("salesforce", "Account", "Name", "account", "name"))
                        .json()
                        .getString("id");
        String someId = UUID.randomUUID().toString();
        List<Call> calls =
                List.of(
                        new Call(
                                "POST",
                                "/dcl/mappings",
                                mappingJson("hubspot", "deals", "x", "opportunity", "name"),
                                List.of("admin")),
                        new Call(
                                "PUT",
                                "/dcl/mappings/" + id,
                                "{\"canonicalEntity\":\"account\",\"canonicalField\":\"name\"}",
                                List.of("admin")),
                        new Call("DELETE", "/dcl/mappings/" + someId, null, List.of("admin")),
                        new Call(
                                "POST",
                                "/dcl/transform",
                                "{\"connector\":\"salesforce\",\"table\":\"Account\",\"records\":[]}",
                                List.of("service", "admin")),
                        new Call(
                                "POST",
                                "/dcl/jobs/yaml-import",
                                "{\"path\":\"nothing-here\",\"dryRun\":true}",
                                List.of("admin", "operator")),
                        new Call(
                                "PUT",
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"registry\"}",
                                List.of("admin", "operator")),
                        new Call(
                                "PUT",
                                "/dcl/canonical/entities/widget",
                                "{\"fields\":[{\"name\":\"size\"}]}",
                                List.of("admin")),
                        new Call(
                                "DELETE", "/dcl/canonical/entities/widget", null, List.of("admin")),
                        new Call(
                                "POST",
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\",\"strategy\":\"lexical\"}",
                                List.of("service", "admin")),
                        new Call(
                                "POST",
                                "/dcl/intelligence/calculate-confidence",
                                "{\"mappingId\":\"" + someId + "\",\"validationResults\":{}}",
                                List.of("service", "admin")),
                        new Call(
                                "POST",
                                "/dcl/intelligence/repair-drift",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"observedFields\":[{\"name\":\"amount\"}]}",
                                List.of("service", "admin")),
                        new Call(
                                "POST",
                                "/dcl/approvals/submit",
                                "{\"mappingId\":\"" + someId + "\",\"reason\":\"r\"}",
                                List.of("service", "reviewer", "admin")),
                        new Call(
                                "POST",
                                "/dcl/approvals/" + someId + "/approve",
                                "{}",
                                List.of("reviewer", "admin")),
                        new Call(
                                "POST",
                                "/dcl/approvals/" + someId + "/reject",
                                "{}",
                                List.of("reviewer", "admin")),
                        new Call(
                                "GET",
                                "/dcl/approvals/pending",
                                null,
                                List.of("reviewer", "admin")),
                        new Call(
                                "PUT",
                                "/dcl/admin/webhooks/hook",
                                "{\"url\":\"https://hooks.example.com/x\",\"secret\":\"a-secret-of-the-receivers-choosing\"}",
                                List.of("admin")),
                        new Call("DELETE", "/dcl/admin/webhooks/hook", null, List.of("admin")),
                        new Call("GET", "/dcl/admin/webhooks/deliveries", null, List.of("admin")));
        int refused = 0;
        for (Call call : calls) {
            for (String role : ALL_ROLES) {
                Api.Reply reply =
                        Api.as(Tokens.mint(tenant, "r-" + role, role))
                                .send(call.method(), call.path(), call.body());
                requests++;
                if (call.allowed().contains(role)) {
                    assertTrue(
                            reply.status() != 403 && reply.status() != 401,
                            role + " may " + call.method() + " " + call.path() + ": " + reply);
                } else {
                    assertEquals(
                            403,
                            reply.status(),
                            role + " may not " + call.method() + " " + call.path() + ": " + reply);
                    assertEquals("application/problem+json", reply.contentType());
                    refused++;
                }
            }
            Api.Reply nobody =
                    Api.as(Tokens.mint(tenant, "ned"))
                            .send(call.method(), call.path(), call.body());
            assertEquals(403, nobody.status(), "no role: " + call.method() + " " + call.path());
            refused++;
        }
        assertEquals(
                1,
                admin.get("/dcl/mappings/" + id).json().getInt("version"),
                "refused calls wrote nothing");
        System.out.printf(
                "attack suite, roles: %d calls × %d roles, %d refused with 403%n",
                calls.size(), ALL_ROLES.length + 1, refused);
    }

    // ---- tenants
    // -----------------------------------------------------------------------------------

    @Test
    void
            givenAnotherTenantsObjects_whenAnIntruderReadsOrChangesThem_then404AndNothingOfTheOwnerChanges() {
        Api owner = Api.as(token);
        String id =
                owner.post(
                                "/dcl/mappings",
                                mappingJson("salesforce", "Account", "Name", "account", "name"))
                        .json()
                        .getString("id");
        JsonObject proposal =
                owner.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"dealname\",\"strategy\":\"lexical\"}")
                        .json();
        String proposalId = proposal.getString("proposalId");
        String approvalId =
                owner.post(
                                "/dcl/approvals/submit",
                                "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"new\"}")
                        .json()
                        .getString("id");
        long job =
                Jobs.start(
                        owner,
                        "yaml-import",
                        "{\"path\":\"" + Jobs.corpus(tenant, "mappings") + "\",\"dryRun\":true}");
        Jobs.await(owner, job);

        Api intruder = Api.as(Tokens.mint(Api.freshTenant(), "mallory", ALL_ROLES));
        Map<String, Api.Reply> attempts = new LinkedHashMap<>();
        attempts.put("read mapping", intruder.get("/dcl/mappings/" + id));
        attempts.put("history", intruder.get("/dcl/mappings/" + id + "/history"));
        attempts.put(
                "replace",
                intruder.put(
                        "/dcl/mappings/" + id,
                        "{\"canonicalEntity\":\"account\",\"canonicalField\":\"x\"}",
                        "If-Match",
                        "\"1\""));
        attempts.put("deprecate", intruder.delete("/dcl/mappings/" + id));
        attempts.put(
                "confidence",
                intruder.post(
                        "/dcl/intelligence/calculate-confidence",
                        "{\"mappingId\":\""
                                + id
                                + "\",\"validationResults\":{\"successRate\":0.1}}"));
        attempts.put("proposal", intruder.get("/dcl/intelligence/proposals/" + proposalId));
        attempts.put(
                "submit their proposal",
                intruder.post(
                        "/dcl/approvals/submit",
                        "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"x\"}"));
        attempts.put(
                "submit their mapping",
                intruder.post(
                        "/dcl/approvals/submit",
                        "{\"mappingId\":\"" + id + "\",\"reason\":\"x\"}"));
        attempts.put("approval", intruder.get("/dcl/approvals/" + approvalId));
        attempts.put("approve", intruder.post("/dcl/approvals/" + approvalId + "/approve", "{}"));
        attempts.put("reject", intruder.post("/dcl/approvals/" + approvalId + "/reject", "{}"));
        attempts.put("job", intruder.get("/dcl/jobs/" + job));
        attempts.put("job report", intruder.get("/dcl/jobs/" + job + "/report"));
        attempts.put("job restart", intruder.post("/dcl/jobs/" + job + "/restart", "{}"));
        for (Map.Entry<String, Api.Reply> attempt : attempts.entrySet()) {
            requests++;
            assertEquals(
                    404, attempt.getValue().status(), attempt.getKey() + ": " + attempt.getValue());
        }
        assertEquals(0, intruder.get("/dcl/approvals/pending").json().getJsonArray("items").size());
        assertEquals(
                0,
                intruder.get("/dcl/admin/webhooks/deliveries").array().size(),
                "another tenant's deliveries stay out of sight");
        assertEquals(0, intruder.get("/dcl/mappings?q=name").json().getJsonArray("items").size());
        JsonArray feed =
                intruder.get("/dcl/mappings/changes?timeout=0").json().getJsonArray("changes");
        assertTrue(
                feed.stream().noneMatch(c -> c.toString().contains(id)),
                "another tenant's changes stay out of the feed");
        assertEquals(
                200,
                intruder.put(
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"registry\",\"dualRead\":false}")
                        .status());
        int defined =
                intruder.put(
                                "/dcl/canonical/entities/account",
                                "{\"fields\":[{\"name\":\"stolen\"}]}")
                        .status();
        assertTrue(
                defined == 200 || defined == 201, "the intruder changes its own model: " + defined);

        JsonObject mine = owner.get("/dcl/mappings/" + id).json();
        assertEquals(1, mine.getInt("version"));
        assertEquals("ACTIVE", mine.getString("status"));
        assertEquals(
                "proposed", owner.get("/dcl/approvals/" + approvalId).json().getString("status"));
        assertTrue(
                owner.get("/dcl/canonical/entities").body().contains("\"name\":\"name\""),
                "the owner's model is its own");
        assertTrue(!owner.get("/dcl/canonical/entities").body().contains("stolen"));
        System.out.printf(
                "attack suite, tenants: %d cross-tenant attempts, all 404, nothing of the owner"
                        + " changed%n",
                attempts.size());
    }

    @Test
    void
            givenAnOperatorsJobOverAllTenants_whenAPlainAdminOfTheSameTenantFollowsOrRestartsIt_then404ButOperatorsSeeIt() {
        Api operator = Api.as(Tokens.mint(tenant, "olga", "operator"));
        long backup =
                Jobs.start(
                        operator,
                        "backup",
                        "{\"path\":\"attack-" + tenant + "\",\"allTenants\":true}");
        assertEquals("COMPLETED", Jobs.await(operator, backup).getString("status"));
        for (Api.Reply reply :
                List.of(
                        admin.get("/dcl/jobs/" + backup),
                        admin.get("/dcl/jobs/" + backup + "/report"),
                        admin.post("/dcl/jobs/" + backup + "/restart", "{}"))) {
            requests++;
            assertEquals(
                    404,
                    reply.status(),
                    "an admin may not follow or restart a job over all tenants: " + reply);
        }
        assertEquals(
                200,
                Api.as(Tokens.mint(Api.freshTenant(), "otto", "operator"))
                        .get("/dcl/jobs/" + backup)
                        .status(),
                "operators work across tenants");
        System.out.println(
                "attack suite, jobs: an operator's all-tenants backup is invisible to admins (3"
                        + " attempts, 404)");
    }

    @Test
    void givenInternalWebhookTargets_whenRegistered_thenEachIs400NamingTheUrl() {
        List<String> targets =
                List.of(
                        "https://169.254.169.254/latest/meta-data",
                        "https://10.0.0.5/hook",
                        "https://192.168.1.1/hook",
                        "https://172.16.0.1/hook",
                        "https://[fd00::1]/hook",
                        "https://0.0.0.0/hook",
                        "https://224.0.0.1/hook",
                        "https://metadata.google.internal/computeMetadata",
                        "https://[::ffff:10.0.0.5]/hook",
                        "https://100.64.0.1/hook",
                        "ftp://hooks.example.com/x",
                        "file:///etc/passwd",
                        "gopher://hooks.example.com/");
        for (String url : targets) {
            Api.Reply reply =
                    admin.put(
                            "/dcl/admin/webhooks/probe",
                            "{\"url\":\""
                                    + url
                                    + "\",\"secret\":\"a-secret-of-the-receivers-choosing\"}");
            requests++;
            assertEquals(400, reply.status(), url + ": " + reply);
            assertTrue(
                    reply.json().getJsonArray("errors").stream()
                            .anyMatch(e -> e.asJsonObject().getString("field").equals("url")),
                    url + ": " + reply);
        }
        assertEquals(0, admin.get("/dcl/admin/webhooks").array().size(), "nothing was registered");
        System.out.printf(
                "attack suite, webhooks: %d internal or non-web targets refused%n", targets.size());
    }

    // ---- the fuzzer
    // --------------------------------------------------------------------------------

    private record Endpoint(String method, String path, String body, Map<String, String> headers) {
        Endpoint(String method, String path, String body) {
            this(method, path, body, Map.of());
        }
    }

    @Test
    void
            givenMalformedRequestsToEveryEndpoint_whenSent_thenNo5xxEveryRefusalIsAProblemAndNoBodyNamesJavaInternals() {
        String id =
                admin.post(
                                "/dcl/mappings",
                                mappingJson("salesforce", "Account", "Name", "account", "name"))
                        .json()
                        .getString("id");
        String uuid = UUID.randomUUID().toString();
        List<Endpoint> endpoints =
                List.of(
                        new Endpoint(
                                "POST",
                                "/dcl/mappings",
                                "{\"connector\":\"salesforce\",\"sourceTable\":\"Account\",\"sourceField\":\"Phone\","
                                        + "\"canonicalEntity\":\"account\",\"canonicalField\":\"phone\",\"transform\":{\"type\":\"trim\"},\"confidence\":0.9}"),
                        new Endpoint(
                                "PUT",
                                "/dcl/mappings/" + id,
                                "{\"canonicalEntity\":\"account\",\"canonicalField\":\"name\",\"reason\":\"r\"}",
                                Map.of("If-Match", "\"1\"")),
                        new Endpoint(
                                "PATCH",
                                "/dcl/mappings/" + id,
                                "{\"confidence\":0.8,\"reason\":\"r\"}",
                                Map.of(
                                        "If-Match",
                                        "\"1\"",
                                        "Content-Type",
                                        "application/merge-patch+json")),
                        new Endpoint("DELETE", "/dcl/mappings/" + uuid + "?reason=r", null),
                        new Endpoint(
                                "GET",
                                "/dcl/mappings?connector=salesforce&table=Account&entity=account&status=ACTIVE&q=na&limit=5&cursor=",
                                null),
                        new Endpoint("GET", "/dcl/mappings/" + id, null),
                        new Endpoint("GET", "/dcl/mappings/" + id + "/history", null),
                        new Endpoint("GET", "/dcl/mappings/salesforce?limit=5", null),
                        new Endpoint("GET", "/dcl/mappings/salesforce/Account", null),
                        new Endpoint("GET", "/dcl/mappings/salesforce/Account/Name", null),
                        new Endpoint(
                                "GET", "/dcl/mappings/changes?since=0&limit=5&timeout=0", null),
                        new Endpoint(
                                "POST",
                                "/dcl/transform",
                                "{\"connector\":\"salesforce\",\"table\":\"Account\",\"records\":[{\"Name\":\"Acme\"}]}"),
                        new Endpoint(
                                "POST",
                                "/dcl/jobs/yaml-import",
                                "{\"path\":\"nothing-here\",\"dryRun\":true}"),
                        new Endpoint("GET", "/dcl/jobs/999999", null),
                        new Endpoint("GET", "/dcl/jobs/999999/report", null),
                        new Endpoint("POST", "/dcl/jobs/999999/restart", "{}"),
                        new Endpoint("GET", "/dcl/admin/rollout", null),
                        new Endpoint(
                                "PUT",
                                "/dcl/admin/rollout",
                                "{\"sourceOfTruth\":\"registry\",\"dualRead\":false,\"reason\":\"r\"}"),
                        new Endpoint("GET", "/dcl/canonical/entities", null),
                        new Endpoint(
                                "PUT",
                                "/dcl/canonical/entities/widget",
                                "{\"description\":\"d\",\"fields\":[{\"name\":\"size\",\"type\":\"number\",\"description\":\"d\"}],\"reason\":\"r\"}"),
                        new Endpoint("DELETE", "/dcl/canonical/entities/widget?reason=r", null),
                        new Endpoint(
                                "POST",
                                "/dcl/intelligence/calculate-confidence",
                                "{\"mappingId\":\""
                                        + id
                                        + "\",\"validationResults\":{\"successRate\":0.9,\"ragSimilarity\":0.5,\"usageFrequency\":0.1}}"),
                        new Endpoint(
                                "POST",
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\","
                                        + "\"sampleValues\":[\"12.5\"],\"description\":\"d\",\"tableDescription\":\"t\",\"type\":\"number\",\"strategy\":\"lexical\"}"),
                        new Endpoint(
                                "POST",
                                "/dcl/intelligence/repair-drift",
                                "{\"driftEvent\":{\"connector\":\"salesforce\",\"sourceTable\":\"Account\"},"
                                        + "\"schemaDiff\":{\"changeType\":\"rename\",\"oldField\":\"Name\",\"newField\":\"FullName\"}}"),
                        new Endpoint("GET", "/dcl/intelligence/proposals/" + uuid, null),
                        new Endpoint(
                                "GET",
                                "/dcl/intelligence/rag-lookup/salesforce/Account/Name",
                                null),
                        new Endpoint(
                                "POST",
                                "/dcl/approvals/submit",
                                "{\"mappingId\":\"" + uuid + "\",\"reason\":\"r\"}"),
                        new Endpoint(
                                "GET",
                                "/dcl/approvals/pending?connector=salesforce&entity=account&minAge=PT1H&limit=5&cursor=",
                                null),
                        new Endpoint("GET", "/dcl/approvals/" + uuid, null),
                        new Endpoint(
                                "POST", "/dcl/approvals/" + uuid + "/approve", "{\"notes\":\"n\"}"),
                        new Endpoint(
                                "POST", "/dcl/approvals/" + uuid + "/reject", "{\"notes\":\"n\"}"),
                        new Endpoint(
                                "PUT",
                                "/dcl/admin/webhooks/hook",
                                "{\"url\":\"https://hooks.example.com/x\",\"secret\":\"a-secret-of-the-receivers-choosing\"}"),
                        new Endpoint("GET", "/dcl/admin/webhooks", null),
                        new Endpoint("DELETE", "/dcl/admin/webhooks/hook", null),
                        new Endpoint("GET", "/dcl/admin/webhooks/deliveries?limit=5", null));

        for (Endpoint endpoint : endpoints) {
            fuzzPath(endpoint);
            fuzzQuery(endpoint);
            if (endpoint.body() != null) {
                fuzzBody(endpoint);
            }
            fuzzHeaders(endpoint);
        }
        for (String odd :
                List.of(
                        "/dcl/%2e%2e/%2e%2e/etc/passwd",
                        "/dcl/mappings/%",
                        "/dcl/mappings/%zz",
                        "/dcl/..;/mappings",
                        "/dcl/mappings/%00",
                        "/dcl//mappings",
                        "/dcl/mappings/a%2fb/c",
                        "/%2e%2e%2f",
                        "/dcl/" + "x".repeat(8000),
                        "/dcl/mappings?%=%",
                        "/dcl/mappings/%ED%A0%80",
                        "/dcl/mappings/%C3%28/t/f",
                        "/dcl/nope",
                        "/",
                        "/dcl",
                        "/dcl/",
                        "/openapi/%00",
                        "/openapi/ui/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                        "/openapi/ui/..%2f..%2f..%2f..%2fetc%2fpasswd",
                        "/health/%2e%2e/%2e%2e/etc/passwd")) {
            send("GET", odd, Map.of(), null);
        }

        System.out.printf(
                "attack suite, fuzzer: %d requests, %d 5xx, %d 4xx without a problem document, %d"
                        + " bodies naming internals (%d paths refused by Liberty's web container itself"
                        + " with 400, CWWWC0005I)%n",
                requests, serverErrors.size(), notProblems.size(), leaks.size(), libertyRefusals);
        serverErrors.stream().limit(20).forEach(e -> System.out.println("  5xx: " + e));
        notProblems.stream().limit(20).forEach(e -> System.out.println("  not a problem: " + e));
        leaks.stream().limit(20).forEach(e -> System.out.println("  names internals: " + e));
        assertTrue(requests >= 1000, "at least 1,000 malformed requests: " + requests);
        assertEquals(List.of(), serverErrors, "5xx answers");
        assertEquals(List.of(), notProblems, "4xx answers that are not problem+json");
        assertEquals(List.of(), leaks, "bodies naming Java internals");
    }

    private static final List<String> BAD_SEGMENTS =
            List.of(
                    "%00",
                    "%2e%2e",
                    "%ff",
                    "%ED%A0%80",
                    "%C3%28",
                    "a%0d%0aX-Injected:%201",
                    "%E2%80%AE",
                    "x".repeat(600),
                    "%20",
                    "'%20OR%20'1'='1",
                    "%25",
                    "%F0%9F%98%80");

    private void fuzzPath(Endpoint endpoint) {
        String path = endpoint.path().split("\\?")[0];
        String[] segments = path.split("/");
        for (int s = 2; s < segments.length; s++) {
            for (String bad : BAD_SEGMENTS) {
                String[] changed = segments.clone();
                changed[s] = bad;
                send(
                        endpoint.method(),
                        String.join("/", changed),
                        endpoint.headers(),
                        bytes(endpoint.body()));
            }
        }
    }

    private static final List<String> BAD_QUERY_VALUES =
            List.of(
                    "%00",
                    "-1",
                    "abc",
                    "99999999999999999999",
                    "%ff",
                    "%ED%A0%80",
                    "1e309",
                    "x".repeat(3000),
                    "%0a",
                    "P-1D",
                    "0",
                    "-0.0");

    private void fuzzQuery(Endpoint endpoint) {
        String[] pathAndQuery = endpoint.path().split("\\?", 2);
        if (pathAndQuery.length < 2) {
            for (String bad : List.of("limit=%00", "reason=%00", "cursor=%ff", "x=%ED%A0%80")) {
                send(
                        endpoint.method(),
                        pathAndQuery[0] + "?" + bad,
                        endpoint.headers(),
                        bytes(endpoint.body()));
            }
            return;
        }
        for (String parameter : pathAndQuery[1].split("&")) {
            String name = parameter.split("=")[0];
            for (String bad : BAD_QUERY_VALUES) {
                String query = pathAndQuery[1].replace(parameter, name + "=" + bad);
                send(
                        endpoint.method(),
                        pathAndQuery[0] + "?" + query,
                        endpoint.headers(),
                        bytes(endpoint.body()));
            }
        }
    }

    private void fuzzBody(Endpoint endpoint) {
        String path = endpoint.path();
        Map<String, String> headers = endpoint.headers();
        List<byte[]> bodies = new ArrayList<>();
        for (String raw :
                List.of(
                        "",
                        "{",
                        "}",
                        "[]",
                        "null",
                        "0",
                        "\"x\"",
                        "{\"a\":}",
                        "{,}",
                        "{\"a\":1,}",
                        "{'a':1}",
                        "\uFEFF{}",
                        "[".repeat(5000) + "]".repeat(5000),
                        "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                        "{\"x\":\"" + "y".repeat(20_000) + "\"}")) {
            bodies.add(raw.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
        bodies.add(withInvalidUtf8(endpoint.body()));
        if (endpoint.method().equals("POST") && path.equals("/dcl/mappings")) {
            bodies.add(new byte[5 * 1024 * 1024]); // over the body limit: once is enough
        }
        JsonObject valid =
                Json.createReader(new java.io.StringReader(endpoint.body())).readObject();
        bodies.add(
                Json.createObjectBuilder(valid)
                        .add("unknownField", 1)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
        for (String field : valid.keySet()) {
            for (String replacement :
                    List.of(
                            "12345",
                            "true",
                            "null",
                            "[]",
                            "{}",
                            "\"\"",
                            "\"x\\u0000y\"",
                            "\"\\ud800\"",
                            "\"a\\udc00b\"",
                            "\"" + "A".repeat(5_000) + "\"",
                            "-1e309",
                            "\"\\u0007bell\"",
                            "[\"\\u0000\"]",
                            "{\"type\":\"\\u0000\"}",
                            "1.5",
                            "-1")) {
                bodies.add(replace(valid, field, replacement));
            }
            if (valid.get(field).getValueType() == JsonValue.ValueType.OBJECT) {
                for (String inner : valid.getJsonObject(field).keySet()) {
                    for (String replacement :
                            List.of("12345", "\"x\\u0000y\"", "[]", "\"\\ud800\"")) {
                        bodies.add(replaceInner(valid, field, inner, replacement));
                    }
                }
            }
        }
        for (byte[] body : bodies) {
            send(endpoint.method(), path, headers, body);
        }
    }

    private void fuzzHeaders(Endpoint endpoint) {
        byte[] body = bytes(endpoint.body());
        for (Map<String, String> headers :
                List.of(
                        Map.of("If-Match", "garbage"),
                        Map.of("If-Match", "\"99999999999999999999\""),
                        Map.of("If-Match", "*"),
                        Map.of("If-None-Match", "\"\u0000\""),
                        Map.of("Content-Type", "text/plain"),
                        Map.of("Content-Type", "application/json; charset=latin1"),
                        Map.of("Accept", "application/xml"),
                        Map.of("Content-Type", "application/merge-patch+json"))) {
            Map<String, String> merged = new LinkedHashMap<>(endpoint.headers());
            merged.putAll(headers);
            send(endpoint.method(), endpoint.path(), merged, body);
        }
    }

    private void send(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        RawHttp.Answer answer = RawHttp.send(method, target, token, all, body);
        requests++;
        String what =
                method
                        + " "
                        + abbreviate(target)
                        + " "
                        + abbreviate(body == null ? "" : new String(body, StandardCharsets.UTF_8))
                        + " -> "
                        + answer.status()
                        + " "
                        + abbreviate(answer.body());
        if (answer.status() >= 500) {
            serverErrors.add(what);
        } else if (answer.status() == 400 && answer.body().contains(LIBERTY_REFUSED_PATH)) {
            libertyRefusals++;
        } else if (answer.status() >= 400
                && !answer.contentType().startsWith("application/problem+json")) {
            notProblems.add(what + " [" + answer.contentType() + "]");
        }
        checkBody(what, answer.body());
    }

    private void checkBody(String what, String body) {
        java.util.regex.Matcher internal = INTERNAL.matcher(body);
        if (internal.find()) {
            leaks.add(what + " [" + internal.group() + "]");
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withInvalidUtf8(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf("\":\"") + 3;
        byte[] broken = new byte[text.length + 2];
        System.arraycopy(text, 0, broken, 0, quote);
        broken[quote] = (byte) 0xC3;
        broken[quote + 1] = (byte) 0x28;
        System.arraycopy(text, quote, broken, quote + 2, text.length - quote);
        return broken;
    }

    private static byte[] replace(JsonObject valid, String field, String replacement) {
        StringBuilder json = new StringBuilder("{");
        for (String key : valid.keySet()) {
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(key)
                    .append("\":")
                    .append(key.equals(field) ? replacement : valid.get(key).toString());
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceInner(
            JsonObject valid, String field, String inner, String replacement) {
        String changed =
                new String(
                        replace(valid.getJsonObject(field), inner, replacement),
                        StandardCharsets.UTF_8);
        return replace(valid, field, changed);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + ")";
    }
}
