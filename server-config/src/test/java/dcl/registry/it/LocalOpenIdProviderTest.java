package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's side of the authorization code flow with PKCE, spoken over HTTP as the console's
 * browser would, without the browser: discovery, the sign-in page and its form, the code exchange,
 * and the refusals.
 */
class LocalOpenIdProviderTest {
    private static final String CLIENT = "dcl-console";
    private static final String CALLBACK = "http://localhost:19080/console/callback.html";
    private static final String CONSOLE_ORIGIN = "http://localhost:19080";
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9_verifier-of-forty-three-or-more";
    private static final Pattern REQUEST_ID =
            Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalOpenIdProvider provider;

    @BeforeEach
    void start() throws IOException {
        provider =
                new LocalOpenIdProvider(0)
                        .client(CLIENT, CALLBACK)
                        .allowOrigin(CONSOLE_ORIGIN)
                        .user("alice", "acme", "admin")
                        .user("bob", "acme", "reader", "approver");
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void discoveryNamesTheEndpointsAndOnlyCodeWithS256() throws Exception {
        HttpResponse<String> reply = get("/.well-known/openid-configuration");

        assertEquals(200, reply.statusCode());
        assertEquals("*", reply.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        JsonObject configuration = json(reply.body());
        String issuer = provider.issuer();
        assertEquals(issuer, configuration.getString("issuer"));
        assertEquals(issuer + "/authorize", configuration.getString("authorization_endpoint"));
        assertEquals(issuer + "/token", configuration.getString("token_endpoint"));
        assertEquals(issuer + "/jwks", configuration.getString("jwks_uri"));
        assertEquals(List.of("code"), strings(configuration, "response_types_supported"));
        assertEquals(List.of("S256"), strings(configuration, "code_challenge_methods_supported"));
        assertEquals(
                List.of("RS256"), strings(configuration, "id_token_signing_alg_values_supported"));
        assertTrue(strings(configuration, "scopes_supported").contains("openid"));
    }

    @Test
    void signingInOnThePageAndExchangingTheCodeGivesTokensForTheChosenUser() throws Exception {
        HttpResponse<String> page = get(authorizeQuery(authorization()));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<select name=\"user\" id=\"user\">"), page.body());
        assertTrue(page.body().contains("<option value=\"bob\">"), page.body());
        assertTrue(page.body().contains("id=\"sign-in\""), page.body());

        HttpResponse<String> redirect = signIn(page, "bob");
        assertEquals(302, redirect.statusCode());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?code="), location);
        Map<String, String> callback = query(location);
        assertEquals("state-123", callback.get("state"));
        assertEquals(1, provider.codesIssued());

        HttpResponse<String> reply = exchange(tokenRequest(callback.get("code")), CONSOLE_ORIGIN);
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(
                CONSOLE_ORIGIN,
                reply.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(null));
        JsonObject tokens = json(reply.body());
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.getInt("expires_in") > 0);
        assertEquals(1, provider.tokensIssued());
        assertEquals(VERIFIER, provider.lastTokenRequest().get("code_verifier"));

        JWKSet keys = JWKSet.parse(get("/jwks").body());
        JWTClaimsSet access = verified(tokens.getString("access_token"), keys);
        assertEquals(Tokens.ISSUER, access.getIssuer());
        assertEquals(List.of(Tokens.AUDIENCE), access.getAudience());
        assertEquals("bob", access.getSubject());
        assertEquals("bob", access.getStringClaim("upn"));
        assertEquals("acme", access.getStringClaim("tenant_id"));
        assertEquals(List.of("reader", "approver"), access.getStringListClaim("groups"));
        assertNotNull(access.getJWTID());
        assertTrue(access.getExpirationTime().toInstant().isAfter(Instant.now()));

        JWTClaimsSet id = verified(tokens.getString("id_token"), keys);
        assertEquals(provider.issuer(), id.getIssuer());
        assertEquals(List.of(CLIENT), id.getAudience());
        assertEquals("bob", id.getSubject());
        assertEquals("nonce-456", id.getStringClaim("nonce"));
    }

    @Test
    void aWrongVerifierIsRefusedAndSpendsTheCode() throws Exception {
        String code = code(authorization());
        Map<String, String> wrong = tokenRequest(code);
        wrong.put("code_verifier", VERIFIER + "-not-the-one");

        assertError(exchange(wrong, null), "invalid_grant");
        assertError(exchange(tokenRequest(code), null), "invalid_grant");
        assertEquals(0, provider.tokensIssued());
    }

    @Test
    void aCodeIsExchangedOnce() throws Exception {
        String code = code(authorization());

        assertEquals(200, exchange(tokenRequest(code), null).statusCode());
        assertError(exchange(tokenRequest(code), null), "invalid_grant");
        assertEquals(1, provider.tokensIssued());
    }

    @Test
    void theCodeIsBoundToItsRedirectUri() throws Exception {
        Map<String, String> elsewhere = tokenRequest(code(authorization()));
        elsewhere.put("redirect_uri", CALLBACK + "?other");

        assertError(exchange(elsewhere, null), "invalid_grant");
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        provider.codeLifetime(Duration.ZERO);

        assertError(exchange(tokenRequest(code(authorization())), null), "invalid_grant");
    }

    @Test
    void anUnknownClientIsRefusedAtTheTokenEndpoint() throws Exception {
        Map<String, String> stranger = tokenRequest(code(authorization()));
        stranger.put("client_id", "stranger");

        assertError(exchange(stranger, null), "invalid_client");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() throws Exception {
        Map<String, String> request = authorization();
        request.put("redirect_uri", "http://localhost:19080/elsewhere");

        HttpResponse<String> reply = get(authorizeQuery(request));

        assertEquals(400, reply.statusCode());
        assertTrue(reply.headers().firstValue("Location").isEmpty());
        assertTrue(reply.body().contains("Unknown redirect URI"), reply.body());
    }

    @Test
    void withoutACodeChallengeTheClientIsSentAnError() throws Exception {
        Map<String, String> request = authorization();
        request.remove("code_challenge");

        assertRedirectedError(request, "invalid_request");
    }

    @Test
    void thePlainChallengeMethodIsRefused() throws Exception {
        Map<String, String> request = authorization();
        request.put("code_challenge_method", "plain");
        request.put("code_challenge", VERIFIER);

        assertRedirectedError(request, "invalid_request");
    }

    @Test
    void theTokenEndpointAnswersThePreflightOfTheConsoleOnly() throws Exception {
        HttpResponse<String> console = preflight(CONSOLE_ORIGIN);
        assertEquals(204, console.statusCode());
        assertEquals(
                CONSOLE_ORIGIN,
                console.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(
                "POST", console.headers().firstValue("Access-Control-Allow-Methods").orElse(null));

        HttpResponse<String> other = preflight("http://localhost:8000");
        assertEquals(403, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    /** What the console sends to the authorization endpoint. */
    private static Map<String, String> authorization() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", CLIENT);
        request.put("redirect_uri", CALLBACK);
        request.put("scope", "openid profile");
        request.put("state", "state-123");
        request.put("nonce", "nonce-456");
        request.put("code_challenge", LocalOpenIdProvider.s256(VERIFIER));
        request.put("code_challenge_method", "S256");
        return request;
    }

    private static Map<String, String> tokenRequest(String code) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "authorization_code");
        request.put("code", code);
        request.put("redirect_uri", CALLBACK);
        request.put("client_id", CLIENT);
        request.put("code_verifier", VERIFIER);
        return request;
    }

    /** Alice signs in on the page; the code the callback receives. */
    private String code(Map<String, String> authorization) throws Exception {
        HttpResponse<String> redirect = signIn(get(authorizeQuery(authorization)), "alice");
        return query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private HttpResponse<String> signIn(HttpResponse<String> page, String user) throws Exception {
        Matcher id = REQUEST_ID.matcher(page.body());
        assertTrue(id.find(), page.body());
        return http.send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        LocalOpenIdProvider.form(
                                                Map.of("request", id.group(1), "user", user))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> exchange(Map<String, String> form, String origin)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(LocalOpenIdProvider.form(form)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertRedirectedError(Map<String, String> request, String error) throws Exception {
        HttpResponse<String> reply = get(authorizeQuery(request));

        assertEquals(302, reply.statusCode());
        String location = reply.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?"), location);
        Map<String, String> callback = query(location);
        assertEquals(error, callback.get("error"));
        assertEquals("state-123", callback.get("state"));
        assertFalse(callback.containsKey("code"));
    }

    private static void assertError(HttpResponse<String> reply, String error) {
        assertEquals(400, reply.statusCode(), reply.body());
        assertEquals(error, json(reply.body()).getString("error"));
    }

    private static JWTClaimsSet verified(String jwt, JWKSet keys)
            throws ParseException, JOSEException {
        SignedJWT token = SignedJWT.parse(jwt);
        RSASSAVerifier verifier =
                new RSASSAVerifier(
                        keys.getKeyByKeyId(token.getHeader().getKeyID())
                                .toRSAKey()
                                .toRSAPublicKey());
        assertTrue(token.verify(verifier), "signature of " + jwt);
        return token.getJWTClaimsSet();
    }

    private static String authorizeQuery(Map<String, String> parameters) {
        return "/authorize?" + LocalOpenIdProvider.form(parameters);
    }

    private static Map<String, String> query(String location) {
        return List.of(URI.create(location).getRawQuery().split("&")).stream()
                .map(pair -> pair.split("=", 2))
                .collect(
                        Collectors.toMap(
                                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                                kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }
}
