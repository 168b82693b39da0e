package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two modes, each on a real server: the tests' own node runs in development mode and says so; a
 * production node refuses to start with the development key, and once given its own issuer, key and
 * audience it refuses development tokens.
 */
class ProductionModeIT extends DeployedRegistry {
    private static final String ISSUER = "https://login.acme.example";
    private static final String AUDIENCE = "dcl-registry-prod";

    @Test
    void givenTheTestServer_whenHealthIsAsked_thenItStatesDevelopmentMode() {
        assertEquals("development", mode(Api.anonymous().get("/health").json()));
    }

    @Test
    void
            givenProductionModeWithTheDevelopmentKeyAndIssuer_whenStarted_thenTheApplicationRefusesNamingTheProperties() {
        try (SecondNode refused =
                SecondNode.startExpectingFailure(
                        Map.of("DCL_MODE", "production", "DCL_METRICS_TENANT_LABELS", "true"))) {
            String log = refused.log();
            assertTrue(log.contains("CWWKZ0002E"), "the application did not start");
            assertTrue(
                    log.contains(
                            "mp.jwt.verify.issuer=dcl-dev is the development issuer and is"
                                    + " refused"),
                    log);
            assertTrue(log.contains("is the development key (bin/dev-keys) and is refused"), log);
            assertTrue(
                    log.contains(
                            "dcl.metrics.tenant-labels=true puts every tenant's id on /metrics,"
                                    + " which answers anyone without a token"),
                    log);
            assertFalse(log.contains("CWWKZ0001I"), "no application started");
        }
    }

    @Test
    void
            givenProductionModeWithItsOwnIssuer_whenCalledWithDevelopmentOrForeignTokens_then401AndItsOwnTokensWork()
                    throws Exception {
        KeyPair issuerKeys = keyPair();
        Path publicKey = Files.createTempFile("issuer", ".pem");
        writePem(publicKey, issuerKeys);
        String tenant = Api.freshTenant();
        try (SecondNode production =
                SecondNode.start(
                        Map.of(
                                "DCL_MODE",
                                "production",
                                "MP_JWT_VERIFY_ISSUER",
                                ISSUER,
                                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                                publicKey.toString(),
                                "MP_JWT_VERIFY_AUDIENCES",
                                AUDIENCE,
                                "DCL_CONSOLE_OIDC_ISSUER",
                                "https://login.example.com/realms/dcl",
                                "DCL_METRICS_TENANT_LABELS",
                                "true",
                                "DCL_METRICS_AUTHENTICATION",
                                "true"))) {
            String path = "/dcl/mappings/salesforce/Account/Name";
            assertEquals(
                    "production",
                    mode(Api.anonymous().at(production.base()).get("/health").json()));

            Api.Reply devToken =
                    Api.as(Tokens.mint(tenant, "alice", "admin")).at(production.base()).get(path);
            assertEquals(
                    401,
                    devToken.status(),
                    "a development token is worthless in production: " + devToken);

            Api.Reply own =
                    Api.as(Tokens.sign(issuerKeys.getPrivate(), claims(tenant, AUDIENCE).build()))
                            .at(production.base())
                            .get(path);
            assertEquals(404, own.status(), "authenticated, and nothing is mapped yet: " + own);

            Api.Reply otherAudience =
                    Api.as(
                                    Tokens.sign(
                                            issuerKeys.getPrivate(),
                                            claims(tenant, "another-service").build()))
                            .at(production.base())
                            .get(path);
            assertEquals(
                    401, otherAudience.status(), "a token for another service: " + otherAudience);

            Api.Reply metrics = Api.anonymous().at(production.base()).get("/metrics");
            // Liberty serves authenticated metrics over https only, where its roles are asked for
            assertEquals(302, metrics.status(), "tenant-labelled metrics are not for anyone");
            assertTrue(
                    metrics.header("Location").startsWith("https://"), metrics.header("Location"));
            assertFalse(metrics.body().contains("dcl_"), "no figure over plain http");

            JsonObject console =
                    Api.anonymous().at(production.base()).get("/dcl/console/settings").json();
            assertEquals("production", console.getString("mode"));
            assertFalse(console.getBoolean("developmentTokens"), "no pasted tokens in production");
            assertEquals(
                    "https://login.example.com/realms/dcl",
                    console.getJsonObject("openId").getString("issuer"));
            assertEquals("dcl-console", console.getJsonObject("openId").getString("clientId"));
            String policy =
                    Api.anonymous()
                            .at(production.base())
                            .get("/console/")
                            .header("Content-Security-Policy");
            assertTrue(
                    policy.contains("connect-src 'self' https://login.example.com;"),
                    "the console may call this server and the provider only: " + policy);
        }
    }

    private static JWTClaimsSet.Builder claims(String tenant, String audience) {
        return Tokens.claims(tenant, "alice", "admin")
                .issuer(ISSUER)
                .audience(audience)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String mode(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("mode"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data")
                .getString("mode");
    }

    private static KeyPair keyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void writePem(Path file, KeyPair keys) throws IOException {
        Files.writeString(
                file,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
    }
}
