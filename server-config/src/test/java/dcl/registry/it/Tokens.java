package dcl.registry.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints JWTs the way bin/dev-token does, signed with the development key the test server trusts.
 */
final class Tokens {
    static final String ISSUER = "dcl-dev";
    static final String AUDIENCE = "dcl-registry";

    /** The {@code kid} of every token signed here, and of the key LocalOpenIdProvider publishes. */
    static final String KEY_ID = "dcl-dev";

    private static final PrivateKey DEV_KEY =
            load(Path.of(System.getProperty("dcl.dev.keys", "../bin/dev-keys"), "private.pem"));

    private Tokens() {}

    static PrivateKey devKey() {
        return DEV_KEY;
    }

    /**
     * The development key's public half, from the private key's own modulus and exponent (a PKCS#8
     * RSA key carries both), so it cannot disagree with it.
     */
    static RSAPublicKey devPublicKey() {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) DEV_KEY;
        try {
            return (RSAPublicKey)
                    KeyFactory.getInstance("RSA")
                            .generatePublic(
                                    new RSAPublicKeySpec(
                                            key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mint(String tenant, String subject, String... groups) {
        return sign(DEV_KEY, claims(tenant, subject, groups).build());
    }

    static String expired(String tenant, String subject, String... groups) {
        return sign(
                DEV_KEY,
                claims(tenant, subject, groups)
                        .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .build());
    }

    static String withoutTenant(String subject, String... groups) {
        return sign(
                DEV_KEY,
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(subject)
                        .claim("upn", subject)
                        .claim("groups", List.of(groups))
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
    }

    /**
     * The development key's claims with a tenant_id claim of any JSON value (a string with quotes,
     * a number…).
     */
    static String withTenantClaim(Object tenantClaim, String subject, String... groups) {
        return sign(
                DEV_KEY,
                claims("ignored", subject, groups).claim("tenant_id", tenantClaim).build());
    }

    /** Expired this many seconds ago: within the accepted clock skew or beyond it. */
    static String expiredSecondsAgo(long seconds, String tenant, String subject, String... groups) {
        return sign(
                DEV_KEY,
                claims(tenant, subject, groups)
                        .issueTime(Date.from(Instant.now().minusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(seconds)))
                        .build());
    }

    /** Same claims, signed by a key nobody trusts. */
    static String signedByStranger(String tenant, String subject, String... groups) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    generator.generateKeyPair().getPrivate(),
                    claims(tenant, subject, groups).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(String tenant, String subject, String... groups) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("upn", subject)
                .claim("groups", List.of(groups))
                .claim("tenant_id", tenant)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    static String sign(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(),
                            claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load(Path pem) {
        try {
            String base64 =
                    Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
