package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustSettingsTest {
    private static final Path DEV_KEY = Path.of("../bin/dev-keys/public.pem");

    @TempDir Path folder;

    private static TrustSettings read(Map<String, String> config) {
        return TrustSettings.read(name -> Optional.ofNullable(config.get(name)));
    }

    private Path ownKey() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem =
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(
                                        generator.generateKeyPair().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
        return Files.writeString(folder.resolve("issuer.pem"), pem);
    }

    private Map<String, String> production(Path key) {
        Map<String, String> config = new HashMap<>();
        config.put(TrustSettings.ISSUER, "https://login.example.com");
        config.put(TrustSettings.PUBLIC_KEY_LOCATION, key.toString());
        config.put(TrustSettings.AUDIENCES, "dcl-registry");
        return config;
    }

    @Test
    void givenNothingConfigured_whenRead_thenProductionRefusesNamingEveryMissingProperty() {
        TrustSettings trust = read(Map.of());
        assertEquals(DeploymentMode.PRODUCTION, trust.mode());
        assertEquals(3, trust.problems().size(), trust.problems().toString());
        assertTrue(trust.problems().get(0).startsWith(TrustSettings.ISSUER + " is required"));
        assertTrue(trust.problems().get(1).startsWith(TrustSettings.AUDIENCES + " is required"));
        assertTrue(trust.problems().get(2).startsWith(TrustSettings.PUBLIC_KEY_LOCATION));
    }

    @Test
    void givenAnIssuersOwnKeyIssuerAndAudience_whenRead_thenProductionStarts() throws Exception {
        assertEquals(List.of(), read(production(ownKey())).problems());
    }

    @Test
    void givenTheDevelopmentKeyInProduction_whenRead_thenRefusedAsFileAndInline() throws Exception {
        Map<String, String> config = production(DEV_KEY);
        assertEquals(
                List.of(
                        TrustSettings.PUBLIC_KEY_LOCATION
                                + "="
                                + DEV_KEY
                                + " is the development key (bin/dev-keys) and is refused"
                                + " (production mode; set dcl.mode=development only on a"
                                + " developer's machine)"),
                read(config).problems());

        Path copy = Files.copy(DEV_KEY, folder.resolve("innocent-name.pem"));
        assertEquals(
                1, read(production(copy)).problems().size(), "recognised by content, not by name");

        Map<String, String> inline = production(ownKey());
        inline.remove(TrustSettings.PUBLIC_KEY_LOCATION);
        inline.put(TrustSettings.PUBLIC_KEY, Files.readString(DEV_KEY));
        assertTrue(
                read(inline)
                        .problems()
                        .get(0)
                        .startsWith(TrustSettings.PUBLIC_KEY + " is the development key"));
    }

    @Test
    void givenTheDevelopmentKeyAsJwkJwkSetOrPkcs1_whenConfigured_thenRecognisedByItsModulus()
            throws Exception {
        RSAPublicKey dev =
                (RSAPublicKey)
                        KeyFactory.getInstance("RSA")
                                .generatePublic(
                                        new X509EncodedKeySpec(
                                                Base64.getMimeDecoder()
                                                        .decode(
                                                                Files.readString(DEV_KEY)
                                                                        .replaceAll(
                                                                                "-----[A-Z ]+-----",
                                                                                ""))));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String jwk =
                "{\"kty\":\"RSA\",\"kid\":\"renamed\",\"e\":\""
                        + url.encodeToString(dev.getPublicExponent().toByteArray())
                        + "\",\"n\":\""
                        + url.encodeToString(dev.getModulus().toByteArray())
                        + "\"}";
        Map<String, String> inline = production(ownKey());
        inline.remove(TrustSettings.PUBLIC_KEY_LOCATION);
        inline.put(TrustSettings.PUBLIC_KEY, jwk);
        assertEquals(1, read(inline).problems().size(), "an inline JWK");

        Path jwks = Files.writeString(folder.resolve("keys.json"), "{\"keys\":[" + jwk + "]}");
        assertEquals(1, read(production(jwks)).problems().size(), "a JWK set file");

        Path pkcs1 = Path.of(getClass().getResource("/trust/dev-key-pkcs1.pem").toURI());
        assertEquals(1, read(production(pkcs1)).problems().size(), "a PKCS#1 PEM of the same key");
        assertEquals(List.of(), read(production(ownKey())).problems(), "any other key passes");
    }

    @Test
    void givenTenantLabelsOnAnOpenMetricsEndpoint_whenRead_thenProductionRefusesDevelopmentAllows()
            throws Exception {
        Map<String, String> labelled = production(ownKey());
        labelled.put(TrustSettings.METRICS_TENANT_LABELS, "true");
        List<String> problems = read(labelled).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith(
                                "dcl.metrics.tenant-labels=true puts every tenant's id on"
                                        + " /metrics"),
                problems.get(0));

        labelled.put(TrustSettings.METRICS_AUTHENTICATION, "false");
        labelled.put(TrustSettings.METRICS_TENANT_LABELS, "YES");
        assertEquals(1, read(labelled).problems().size(), "on, as MicroProfile Config reads it");
        labelled.put(TrustSettings.METRICS_TENANT_LABELS, "true");
        labelled.put(TrustSettings.METRICS_AUTHENTICATION, "true");
        assertEquals(List.of(), read(labelled).problems(), "behind Liberty's roles");
        labelled.put(TrustSettings.METRICS_AUTHENTICATION, "false");
        labelled.put(TrustSettings.METRICS_TENANT_LABELS, "false");
        assertEquals(List.of(), read(labelled).problems(), "totals only");
        assertEquals(
                List.of(),
                read(Map.of(
                                DeploymentMode.PROPERTY,
                                "development",
                                TrustSettings.METRICS_TENANT_LABELS,
                                "true"))
                        .problems(),
                "a developer's machine");
    }

    @Test
    void givenAPlainHttpJwksUrl_whenReadInProduction_thenRefused() {
        Map<String, String> config = production(Path.of("unused"));
        config.put(TrustSettings.PUBLIC_KEY_LOCATION, "http://login.example.com/jwks.json");
        assertTrue(read(config).problems().get(0).contains("is plain http"));
    }

    @Test
    void givenTheDevelopmentIssuerInProduction_whenRead_thenRefused() throws Exception {
        Map<String, String> config = production(ownKey());
        config.put(TrustSettings.ISSUER, "dcl-dev");
        assertTrue(
                read(config)
                        .problems()
                        .get(0)
                        .startsWith(TrustSettings.ISSUER + "=dcl-dev is the development issuer"));
    }

    @Test
    void givenTheConsolesProviderOverPlainHttp_whenRead_thenProductionRefusesDevelopmentAllows() {
        Map<String, String> config = production(Path.of("unused"));
        config.put(
                TrustSettings.PUBLIC_KEY_LOCATION,
                "https://login.example.com/.well-known/jwks.json");
        config.put(ConsoleWiring.ISSUER, "http://login.example.com/realms/dcl");
        assertEquals(
                List.of(
                        ConsoleWiring.ISSUER
                                + "=http://login.example.com/realms/dcl is plain http: sign-in"
                                + " codes and tokens would cross it in clear; use https"
                                + " (production mode)"),
                read(config).problems());

        config.put(DeploymentMode.PROPERTY, "development");
        assertEquals(
                List.of(), read(config).problems(), "a local provider on a developer's machine");

        config.put(DeploymentMode.PROPERTY, "production");
        config.put(ConsoleWiring.ISSUER, "https://login.example.com/realms/dcl");
        assertEquals(List.of(), read(config).problems());
    }

    @Test
    void givenAConsoleIssuerThatIsNoUrl_whenRead_thenRefusedInAnyMode() {
        Map<String, String> config = production(Path.of("unused"));
        config.put(DeploymentMode.PROPERTY, "development");
        config.put(ConsoleWiring.ISSUER, "login.example.com");
        assertEquals(
                List.of(
                        ConsoleWiring.ISSUER
                                + "=login.example.com is not an http(s) URL: the OpenID Connect"
                                + " provider's issuer"),
                read(config).problems());
    }

    @Test
    void givenAJwksUrl_whenRead_thenAcceptedWithoutReadingIt() {
        Map<String, String> config = production(Path.of("unused"));
        config.put(
                TrustSettings.PUBLIC_KEY_LOCATION,
                "https://login.example.com/.well-known/jwks.json");
        assertEquals(List.of(), read(config).problems());
    }

    @Test
    void givenDevelopmentMode_whenRead_thenTheDevelopmentKeyIsAllowed() {
        Map<String, String> config = production(DEV_KEY);
        config.put(DeploymentMode.PROPERTY, "Development");
        TrustSettings trust = read(config);
        assertEquals(DeploymentMode.DEVELOPMENT, trust.mode());
        assertEquals(List.of(), trust.problems());
    }

    @Test
    void givenAnUnknownMode_whenRead_thenRefusedNamingTheProperty() {
        assertEquals(
                List.of("dcl.mode=staging is not a mode; allowed: development, production"),
                read(Map.of(DeploymentMode.PROPERTY, "staging")).problems());
    }

    @Test
    void givenAKeyFileThatIsMissing_whenRead_thenRefused() {
        assertTrue(
                read(production(folder.resolve("missing.pem")))
                        .problems()
                        .get(0)
                        .endsWith(
                                "cannot be read (production mode; set dcl.mode=development only on"
                                        + " a developer's machine)"));
    }
}
