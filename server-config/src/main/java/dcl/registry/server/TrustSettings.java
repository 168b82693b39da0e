package dcl.registry.server;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the service trusts to sign tokens, checked before it starts. In production the issuer, the
 * verification key (or JWKS URL) and the audience must come from configuration, and none of them
 * may be the development ones: a key pair committed to the repository proves nothing about a
 * caller.
 */
record TrustSettings(DeploymentMode mode, List<String> problems) {
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String DEVELOPMENT_ISSUER = "dcl-dev";
    static final String METRICS_TENANT_LABELS = "dcl.metrics.tenant-labels";
    static final String METRICS_AUTHENTICATION = "dcl.metrics.authentication";

    /**
     * SHA-256 of the hexadecimal RSA modulus of {@code bin/dev-keys/public.pem}: recognised in any
     * form, wherever copied.
     */
    static final String DEVELOPMENT_MODULUS_SHA256 =
            "f0944dc9b794fdb769966afd47496d1ad9698de9361ecb3b659277873ca935d4";

    private static final Pattern PEM =
            Pattern.compile(
                    "-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)-----END"
                            + " \\1-----");
    private static final Pattern JWK_MODULUS =
            Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    /**
     * Reads the settings through {@code property} (MicroProfile Config in the server, a map in
     * tests).
     */
    static TrustSettings read(Function<String, Optional<String>> property) {
        List<String> problems = new ArrayList<>();
        String modeText =
                property.apply(DeploymentMode.PROPERTY).orElse(DeploymentMode.PRODUCTION.label());
        Optional<DeploymentMode> parsed = DeploymentMode.parse(modeText);
        if (parsed.isEmpty()) {
            problems.add(
                    DeploymentMode.PROPERTY
                            + "="
                            + modeText
                            + " is not a mode; allowed: development, production");
            return new TrustSettings(DeploymentMode.PRODUCTION, problems);
        }
        if (parsed.get() == DeploymentMode.PRODUCTION) {
            checkProduction(property, problems);
        }
        checkConsoleIssuer(property, parsed.get(), problems);
        return new TrustSettings(parsed.get(), problems);
    }

    private static void checkProduction(
            Function<String, Optional<String>> property, List<String> problems) {
        String hint =
                " (production mode; set "
                        + DeploymentMode.PROPERTY
                        + "=development only on a developer's machine)";
        Optional<String> issuer = property.apply(ISSUER);
        if (issuer.isEmpty()) {
            problems.add(
                    ISSUER
                            + " is required: the issuer (iss) your identity provider signs tokens"
                            + " as"
                            + hint);
        } else if (issuer.get().strip().equals(DEVELOPMENT_ISSUER)) {
            problems.add(
                    ISSUER
                            + "="
                            + DEVELOPMENT_ISSUER
                            + " is the development issuer and is refused"
                            + hint);
        }
        if (property.apply(AUDIENCES).isEmpty()) {
            problems.add(
                    AUDIENCES
                            + " is required: the audience (aud) tokens for this service carry"
                            + hint);
        }
        Optional<String> inline = property.apply(PUBLIC_KEY);
        Optional<String> location = property.apply(PUBLIC_KEY_LOCATION);
        if (inline.isEmpty() && location.isEmpty()) {
            problems.add(
                    PUBLIC_KEY_LOCATION
                            + " (a PEM file or JWKS URL) or "
                            + PUBLIC_KEY
                            + " is required"
                            + hint);
        }
        inline.filter(TrustSettings::isDevelopmentKey)
                .ifPresent(
                        k ->
                                problems.add(
                                        PUBLIC_KEY
                                                + " is the development key (bin/dev-keys) and is"
                                                + " refused"
                                                + hint));
        location.filter(l -> l.matches("(?i)http://.*"))
                .ifPresent(
                        l ->
                                problems.add(
                                        PUBLIC_KEY_LOCATION
                                                + "="
                                                + l
                                                + " is plain http: keys fetched over it can be"
                                                + " swapped on the way; use https"
                                                + hint));
        location.filter(l -> !l.matches("(?i)https?://.*"))
                .ifPresent(file -> checkKeyFile(file, problems, hint));
        if (property.apply(METRICS_TENANT_LABELS).filter(TrustSettings::configTrue).isPresent()
                && !property.apply(METRICS_AUTHENTICATION)
                        .map(String::strip)
                        .filter("true"::equalsIgnoreCase)
                        .isPresent()) {
            problems.add(
                    METRICS_TENANT_LABELS
                            + "=true puts every tenant's id on /metrics, which answers anyone"
                            + " without a token: set "
                            + METRICS_AUTHENTICATION
                            + "=true (Liberty's administrator or reader role) or leave the labels"
                            + " off"
                            + hint);
        }
    }

    /**
     * True as MicroProfile Config reads a boolean (so "yes" turns the labels on, and is refused as
     * well); Liberty's own attribute, the authentication, counts only when it says "true".
     */
    private static boolean configTrue(String flag) {
        return List.of("true", "1", "yes", "y", "on")
                .contains(flag.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The console's OpenID Connect provider, when one is configured: an absolute http(s) URL, and
     * https in production (sign-in codes and tokens cross it).
     */
    private static void checkConsoleIssuer(
            Function<String, Optional<String>> property,
            DeploymentMode mode,
            List<String> problems) {
        Optional<String> issuer = property.apply(ConsoleWiring.ISSUER).map(String::strip);
        if (issuer.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(issuer.get());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (uri == null
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            problems.add(
                    ConsoleWiring.ISSUER
                            + "="
                            + issuer.get()
                            + " is not an http(s) URL: the OpenID Connect provider's issuer");
        } else if (mode == DeploymentMode.PRODUCTION && "http".equalsIgnoreCase(scheme)) {
            problems.add(
                    ConsoleWiring.ISSUER
                            + "="
                            + issuer.get()
                            + " is plain http: sign-in codes and tokens would cross it in clear;"
                            + " use https (production mode)");
        }
    }

    private static void checkKeyFile(String location, List<String> problems, String hint) {
        Path file;
        try {
            file = Path.of(location.replaceFirst("^file:", ""));
        } catch (InvalidPathException e) {
            problems.add(
                    PUBLIC_KEY_LOCATION + "=" + location + " is not a file path or URL" + hint);
            return;
        }
        if (!Files.isReadable(file)) {
            problems.add(PUBLIC_KEY_LOCATION + "=" + location + " cannot be read" + hint);
            return;
        }
        try {
            if (isDevelopmentKey(Files.readString(file))) {
                problems.add(
                        PUBLIC_KEY_LOCATION
                                + "="
                                + location
                                + " is the development key (bin/dev-keys) and is refused"
                                + hint);
            }
        } catch (IOException e) {
            problems.add(
                    PUBLIC_KEY_LOCATION
                            + "="
                            + location
                            + " cannot be read: "
                            + e.getMessage()
                            + hint);
        }
    }

    /**
     * True when the text holds the development public key in any form MicroProfile JWT reads: a PEM
     * public key (X.509 or PKCS#1), a JWK or a JWK set. Keys are compared by their RSA modulus, so
     * line breaks, encodings and key ids change nothing.
     */
    static boolean isDevelopmentKey(String text) {
        return moduli(text).stream()
                .anyMatch(
                        modulus -> sha256(modulus.toString(16)).equals(DEVELOPMENT_MODULUS_SHA256));
    }

    private static List<BigInteger> moduli(String text) {
        List<BigInteger> found = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
                found.add(
                        pem.group(1).equals("RSA PUBLIC KEY")
                                ? Pkcs1.modulus(der)
                                : ((RSAPublicKey)
                                                KeyFactory.getInstance("RSA")
                                                        .generatePublic(
                                                                new X509EncodedKeySpec(der)))
                                        .getModulus());
            } catch (IllegalArgumentException
                    | GeneralSecurityException
                    | ClassCastException notAnRsaKey) {
                // not a key this check can read: MicroProfile JWT will refuse it on its own
            }
        }
        Matcher jwk = JWK_MODULUS.matcher(text);
        while (jwk.find()) {
            try {
                found.add(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.group(1))));
            } catch (IllegalArgumentException notBase64url) {
                // likewise
            }
        }
        return found;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The modulus of a PKCS#1 {@code RSAPublicKey}: {@code SEQUENCE { INTEGER modulus, INTEGER
     * exponent }}.
     */
    private static final class Pkcs1 {
        private Pkcs1() {}

        static BigInteger modulus(byte[] der) {
            int[] at = {0};
            expect(der, at, 0x30);
            length(der, at);
            expect(der, at, 0x02);
            int size = length(der, at);
            return new BigInteger(1, java.util.Arrays.copyOfRange(der, at[0], at[0] + size));
        }

        private static void expect(byte[] der, int[] at, int tag) {
            if (at[0] >= der.length || (der[at[0]++] & 0xFF) != tag) {
                throw new IllegalArgumentException("not a PKCS#1 RSA public key");
            }
        }

        private static int length(byte[] der, int[] at) {
            int first = der[at[0]++] & 0xFF;
            if (first < 0x80) {
                return first;
            }
            int length = 0;
            for (int i = 0; i < (first & 0x7F); i++) {
                length = (length << 8) | (der[at[0]++] & 0xFF);
            }
            return length;
        }
    }
}
