package dcl.registry.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local OpenID Connect provider for the console's sign-in: discovery, the authorization endpoint
 * with a sign-in page listing the users a test registered, and the token endpoint, for the
 * authorization code flow with PKCE (S256 only) of a public client, as a browser runs it.
 *
 * <p>Its access tokens are what the registry's API verifies: the claims {@link Tokens#claims}
 * builds (issuer {@link Tokens#ISSUER}, audience {@link Tokens#AUDIENCE}, tenant and groups),
 * signed with the development key. In production the registry trusts the provider's own issuer and
 * JWKS (its {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location}); here the
 * provider signs with the key the test server already trusts, so one test server serves every
 * integration test, those that sign in through the console and those that mint tokens directly. Its
 * ID tokens are the provider's own: issuer {@link #issuer()}, audience the client, verifiable with
 * {@code /jwks}.
 */
final class LocalOpenIdProvider implements AutoCloseable {
    static final int PORT = Integer.getInteger("dcl.it.oidc.port", 19098);

    /** RFC 7636: the verifier's alphabet and length; a S256 challenge is 43 such characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user the sign-in page offers, with the tenant and groups their access token carries. */
    record User(String name, String tenant, List<String> groups) {}

    /** An authorization request that passed the checks, until the user signs in. */
    private record Authorization(
            String clientId,
            String redirectUri,
            String scope,
            String state,
            String codeChallenge,
            String nonce) {}

    /** What a code stands for, until it is exchanged or expires. */
    private record Grant(Authorization request, User user, Instant expires) {}

    /** An RFC 6749 error: its code and a description for whoever reads the logs. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String error;

        Refusal(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String issuer;
    private final Map<String, User> users = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Set<String>> clients = new ConcurrentHashMap<>();
    private final Set<String> origins = ConcurrentHashMap.newKeySet();
    private final Map<String, Authorization> pending = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger codesIssued = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration codeLifetime = Duration.ofSeconds(60);
    private volatile Map<String, String> lastAuthorizationRequest = Map.of();
    private volatile Map<String, String> lastTokenRequest = Map.of();

    /** On the integration tests' port ({@code dcl.it.oidc.port}). */
    LocalOpenIdProvider() throws IOException {
        this(PORT);
    }

    /** On the given port of 127.0.0.1; 0 for any free one. */
    LocalOpenIdProvider(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        issuer = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The provider's URL, its issuer: {@code http://localhost:<port>}. */
    String issuer() {
        return issuer;
    }

    /** Offers a user on the sign-in page; their access token carries this tenant and groups. */
    LocalOpenIdProvider user(String name, String tenant, String... groups) {
        users.put(name, new User(name, tenant, List.of(groups)));
        return this;
    }

    /** Registers a public client and the redirect URIs it may use, compared exactly. */
    LocalOpenIdProvider client(String clientId, String... redirectUris) {
        clients.put(clientId, Set.of(redirectUris));
        return this;
    }

    /** A page origin (scheme://host:port) whose scripts may call the token endpoint. */
    LocalOpenIdProvider allowOrigin(String origin) {
        origins.add(origin);
        return this;
    }

    /** How long a code may wait before it is exchanged; 60 s unless a test says otherwise. */
    LocalOpenIdProvider codeLifetime(Duration lifetime) {
        codeLifetime = lifetime;
        return this;
    }

    /** Codes issued so far (users signed in on the page). */
    int codesIssued() {
        return codesIssued.get();
    }

    /** Token responses given so far (codes exchanged successfully). */
    int tokensIssued() {
        return tokensIssued.get();
    }

    /** The query parameters of the last {@code GET /authorize}, whether or not it was accepted. */
    Map<String, String> lastAuthorizationRequest() {
        return lastAuthorizationRequest;
    }

    /** The form parameters of the last {@code POST /token}, whether or not it was accepted. */
    Map<String, String> lastTokenRequest() {
        return lastTokenRequest;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        JsonObject configuration =
                Json.createObjectBuilder()
                        .add("issuer", issuer)
                        .add("authorization_endpoint", issuer + "/authorize")
                        .add("token_endpoint", issuer + "/token")
                        .add("jwks_uri", issuer + "/jwks")
                        .add("response_types_supported", Json.createArrayBuilder().add("code"))
                        .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                        .add(
                                "grant_types_supported",
                                Json.createArrayBuilder().add("authorization_code"))
                        .add(
                                "code_challenge_methods_supported",
                                Json.createArrayBuilder().add("S256"))
                        .add(
                                "token_endpoint_auth_methods_supported",
                                Json.createArrayBuilder().add("none"))
                        .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                        .add(
                                "id_token_signing_alg_values_supported",
                                Json.createArrayBuilder().add("RS256"))
                        .add(
                                "scopes_supported",
                                Json.createArrayBuilder().add("openid").add("profile"))
                        .build();
        publicJson(exchange, configuration.toString());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAKey key =
                new RSAKey.Builder(Tokens.devPublicKey())
                        .keyID(Tokens.KEY_ID)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .build();
        publicJson(exchange, new JWKSet(key).toString());
    }

    /**
     * GET checks the request and shows the sign-in page; the page's POST issues the code. Until the
     * client and redirect URI are known good, errors are a page of their own: redirecting to an
     * unchecked URI would make the provider an open redirector (RFC 6749, 4.1.2.1).
     */
    private void authorize(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> showSignIn(exchange);
            case "POST" -> signIn(exchange);
            default -> errorPage(exchange, 405, "Method not allowed", "GET or POST only.");
        }
    }

    private void showSignIn(HttpExchange exchange) throws IOException {
        Map<String, String> query;
        try {
            query = parameters(exchange.getRequestURI().getRawQuery());
        } catch (Refusal refusal) {
            errorPage(exchange, 400, "Invalid request", refusal.getMessage());
            return;
        }
        lastAuthorizationRequest = query;
        String clientId = query.get("client_id");
        String redirectUri = query.get("redirect_uri");
        if (clientId == null || !clients.containsKey(clientId)) {
            errorPage(exchange, 400, "Unknown client", "No client " + clientId + " is registered.");
            return;
        }
        if (redirectUri == null || !clients.get(clientId).contains(redirectUri)) {
            errorPage(
                    exchange,
                    400,
                    "Unknown redirect URI",
                    redirectUri + " is not a redirect URI of " + clientId + ".");
            return;
        }
        String state = query.get("state");
        Authorization request;
        try {
            request = checked(query, clientId, redirectUri, state);
        } catch (Refusal refusal) {
            redirect(
                    exchange,
                    redirectUri,
                    withState(
                            Map.of(
                                    "error",
                                    refusal.error,
                                    "error_description",
                                    refusal.getMessage()),
                            state));
            return;
        }
        String id = random();
        pending.put(id, request);
        page(exchange, 200, "Sign in", signInForm(id, clientId));
    }

    private static Authorization checked(
            Map<String, String> query, String clientId, String redirectUri, String state)
            throws Refusal {
        if (!"code".equals(query.get("response_type"))) {
            throw new Refusal("unsupported_response_type", "response_type must be code");
        }
        String scope = query.getOrDefault("scope", "");
        if (!List.of(scope.split(" ")).contains("openid")) {
            throw new Refusal("invalid_scope", "an OpenID Connect request asks for scope openid");
        }
        String challenge = query.get("code_challenge");
        if (challenge == null) {
            throw new Refusal("invalid_request", "code_challenge is required (PKCE)");
        }
        if (!"S256".equals(query.get("code_challenge_method"))) {
            throw new Refusal("invalid_request", "code_challenge_method must be S256");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw new Refusal(
                    "invalid_request", "code_challenge is not a BASE64URL SHA-256 digest");
        }
        return new Authorization(
                clientId, redirectUri, scope, state, challenge, query.get("nonce"));
    }

    private String signInForm(String requestId, String clientId) {
        List<User> offered;
        synchronized (users) { // a synchronized map's views are iterated under its lock
            offered = List.copyOf(users.values());
        }
        String options =
                offered.stream()
                        .map(
                                u ->
                                        "<option value=\""
                                                + html(u.name())
                                                + "\">"
                                                + html(
                                                        u.name()
                                                                + " (tenant "
                                                                + u.tenant()
                                                                + "; "
                                                                + String.join(", ", u.groups())
                                                                + ")")
                                                + "</option>")
                        .collect(Collectors.joining("\n"));
        return "<p>Signing in to "
                + html(clientId)
                + ".</p>\n<form method=\"post\" action=\"/authorize\">\n"
                + "<input type=\"hidden\" name=\"request\" value=\""
                + requestId
                + "\">\n<label for=\"user\">User</label>\n<select name=\"user\" id=\"user\">\n"
                + options
                + "\n</select>\n<button type=\"submit\" id=\"sign-in\">Sign in</button>\n</form>";
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> form;
        try {
            form = parameters(body(exchange));
        } catch (Refusal refusal) {
            errorPage(exchange, 400, "Invalid request", refusal.getMessage());
            return;
        }
        Authorization request =
                form.get("request") == null ? null : pending.remove(form.get("request"));
        if (request == null) {
            errorPage(
                    exchange,
                    400,
                    "Invalid request",
                    "No such sign-in in progress (used already?).");
            return;
        }
        User user = form.get("user") == null ? null : users.get(form.get("user"));
        if (user == null) {
            redirect(
                    exchange,
                    request.redirectUri(),
                    withState(
                            Map.of("error", "access_denied", "error_description", "unknown user"),
                            request.state()));
            return;
        }
        String code = random();
        codes.put(code, new Grant(request, user, Instant.now().plus(codeLifetime)));
        codesIssued.incrementAndGet();
        redirect(exchange, request.redirectUri(), withState(Map.of("code", code), request.state()));
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (allowed) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
        }
        exchange.getResponseHeaders().add("Vary", "Origin");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            if (allowed) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
                exchange.getResponseHeaders().add("Access-Control-Max-Age", "600");
            }
            exchange.sendResponseHeaders(allowed ? 204 : 403, -1);
            exchange.close();
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "POST, OPTIONS");
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        try {
            if (origin != null && !allowed) {
                throw new Refusal("invalid_request", "origin " + origin + " is not allowed");
            }
            send(exchange, 200, "application/json", tokens(exchange).toString());
        } catch (Refusal refusal) {
            send(
                    exchange,
                    400,
                    "application/json",
                    Json.createObjectBuilder()
                            .add("error", refusal.error)
                            .add("error_description", refusal.getMessage())
                            .build()
                            .toString());
        }
    }

    /**
     * The checks of RFC 6749 (4.1.3) and RFC 7636 (4.6). The code is taken out before any check, so
     * it is spent by any attempt, right or wrong.
     */
    private JsonObject tokens(HttpExchange exchange) throws IOException, Refusal {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith(FORM)) {
            throw new Refusal("invalid_request", "the body must be " + FORM);
        }
        Map<String, String> form = parameters(body(exchange));
        lastTokenRequest = form;
        if (!"authorization_code".equals(form.get("grant_type"))) {
            throw new Refusal("unsupported_grant_type", "grant_type must be authorization_code");
        }
        String clientId = form.get("client_id");
        if (clientId == null || !clients.containsKey(clientId)) {
            throw new Refusal("invalid_client", "unknown client " + clientId);
        }
        for (String required : List.of("code", "redirect_uri", "code_verifier")) {
            if (form.get(required) == null) {
                throw new Refusal("invalid_request", required + " is required");
            }
        }
        Grant grant = codes.remove(form.get("code"));
        if (grant == null) {
            throw new Refusal("invalid_grant", "unknown or already used code");
        }
        if (!Instant.now().isBefore(grant.expires())) {
            throw new Refusal("invalid_grant", "the code has expired");
        }
        if (!grant.request().clientId().equals(clientId)) {
            throw new Refusal("invalid_grant", "the code was issued to another client");
        }
        if (!grant.request().redirectUri().equals(form.get("redirect_uri"))) {
            throw new Refusal("invalid_grant", "redirect_uri differs from the authorization's");
        }
        String verifier = form.get("code_verifier");
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new Refusal(
                    "invalid_request", "code_verifier is not 43 to 128 unreserved characters");
        }
        if (!s256(verifier).equals(grant.request().codeChallenge())) {
            throw new Refusal("invalid_grant", "code_verifier does not match code_challenge");
        }
        User user = grant.user();
        String[] groups = user.groups().toArray(String[]::new);
        JWTClaimsSet access = Tokens.claims(user.tenant(), user.name(), groups).build();
        long expiresIn =
                Duration.between(Instant.now(), access.getExpirationTime().toInstant()).toSeconds();
        JWTClaimsSet.Builder id =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(clientId)
                        .subject(user.name())
                        .claim("preferred_username", user.name())
                        .issueTime(access.getIssueTime())
                        .expirationTime(access.getExpirationTime());
        if (grant.request().nonce() != null) {
            id.claim("nonce", grant.request().nonce());
        }
        tokensIssued.incrementAndGet();
        return Json.createObjectBuilder()
                .add("access_token", Tokens.sign(Tokens.devKey(), access))
                .add("id_token", Tokens.sign(Tokens.devKey(), id.build()))
                .add("token_type", "Bearer")
                .add("expires_in", expiresIn)
                .add("scope", grant.request().scope())
                .build();
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), without padding (RFC 7636, 4.2). */
    static String s256(String verifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Codes and sign-in ids: 256 random bits, so none can be guessed. */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A query or form body; a parameter given twice is refused (RFC 6749, 3.1 and 3.2). */
    private static Map<String, String> parameters(String raw) throws Refusal {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw new Refusal("invalid_request", name + " is given more than once");
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static Map<String, String> withState(Map<String, String> parameters, String state) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        return all;
    }

    /** Parameters as a query string or form body, in their order. */
    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String uri, Map<String, String> parameters)
            throws IOException {
        exchange.getResponseHeaders()
                .add("Location", uri + (uri.contains("?") ? "&" : "?") + form(parameters));
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** An error shown to the user, since it cannot be sent back to the client. */
    private static void errorPage(HttpExchange exchange, int status, String title, String message)
            throws IOException {
        page(exchange, status, title, "<p>" + html(message) + "</p>");
    }

    private static void page(HttpExchange exchange, int status, String title, String bodyHtml)
            throws IOException {
        String html =
                "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                        // no favicon request: its 404 would be an error in the browser's console
                        + "<link rel=\"icon\" href=\"data:,\"><title>"
                        + html(title)
                        + " - local OpenID provider</title></head>\n<body>\n<h1>"
                        + html(title)
                        + "</h1>\n"
                        + bodyHtml
                        + "\n</body>\n</html>\n";
        send(exchange, status, "text/html", html);
    }

    /** Discovery and keys are public: any page may read them. */
    private static void publicJson(HttpExchange exchange, String json) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        send(exchange, 200, "application/json", json);
    }

    /** Tokens, codes and pages are never cached (RFC 6749, 5.1). */
    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=UTF-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
