package dcl.registry.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Signs development tokens for the benchmarks, as bin/dev-token does (the key development mode
 * trusts).
 */
final class DevToken {
    private final PrivateKey key;

    DevToken(Path privateKeyPem) throws Exception {
        String base64 =
                Files.readString(privateKeyPem)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
        key =
                KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    String mint(String tenant, String subject, String group) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(UTF_8));
        String claims =
                b64.encodeToString(
                        String.format(
                                        Locale.ROOT,
                                        "{\"iss\":\"dcl-dev\",\"aud\":\"dcl-registry\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],\"tenant_id\":\"%s\",\"iat\":%d,\"exp\":%d}",
                                        subject,
                                        subject,
                                        group,
                                        tenant,
                                        now,
                                        now + 7200)
                                .getBytes(UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(UTF_8));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }
}
