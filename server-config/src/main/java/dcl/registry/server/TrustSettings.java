package dcl.registry.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who the service trusts to sign tokens, checked before it starts. In production the issuer, the
 * verification key (or JWKS URL) and the audience must come from configuration, and none of them may
 * be the development ones: a key pair committed to the repository proves nothing about a caller.
 */
record TrustSettings(DeploymentMode mode, List<String> problems) {
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String AUDIENCES = "mp.jwt.verify.audiences";
  static final String DEVELOPMENT_ISSUER = "dcl-dev";
  /** SHA-256 of the DER form of {@code bin/dev-keys/public.pem}: recognised wherever it is copied to. */
  static final String DEVELOPMENT_KEY_SHA256 = "2aed1fa8247e1f6956479dc15092916a389dc88f86198e96efb621d32bef8240";

  /** Reads the settings through {@code property} (MicroProfile Config in the server, a map in tests). */
  static TrustSettings read(Function<String, Optional<String>> property) {
    List<String> problems = new ArrayList<>();
    String modeText = property.apply(DeploymentMode.PROPERTY).orElse(DeploymentMode.PRODUCTION.label());
    Optional<DeploymentMode> parsed = DeploymentMode.parse(modeText);
    if (parsed.isEmpty()) {
      problems.add(DeploymentMode.PROPERTY + "=" + modeText + " is not a mode; allowed: development, production");
      return new TrustSettings(DeploymentMode.PRODUCTION, problems);
    }
    if (parsed.get() == DeploymentMode.PRODUCTION) {
      checkProduction(property, problems);
    }
    return new TrustSettings(parsed.get(), problems);
  }

  private static void checkProduction(Function<String, Optional<String>> property, List<String> problems) {
    String hint = " (production mode; set " + DeploymentMode.PROPERTY + "=development only on a developer's machine)";
    Optional<String> issuer = property.apply(ISSUER);
    if (issuer.isEmpty()) {
      problems.add(ISSUER + " is required: the issuer (iss) your identity provider signs tokens as" + hint);
    } else if (issuer.get().strip().equals(DEVELOPMENT_ISSUER)) {
      problems.add(ISSUER + "=" + DEVELOPMENT_ISSUER + " is the development issuer and is refused" + hint);
    }
    if (property.apply(AUDIENCES).isEmpty()) {
      problems.add(AUDIENCES + " is required: the audience (aud) tokens for this service carry" + hint);
    }
    Optional<String> inline = property.apply(PUBLIC_KEY);
    Optional<String> location = property.apply(PUBLIC_KEY_LOCATION);
    if (inline.isEmpty() && location.isEmpty()) {
      problems.add(PUBLIC_KEY_LOCATION + " (a PEM file or JWKS URL) or " + PUBLIC_KEY + " is required" + hint);
    }
    inline.filter(TrustSettings::isDevelopmentKey).ifPresent(k ->
        problems.add(PUBLIC_KEY + " is the development key (bin/dev-keys) and is refused" + hint));
    location.filter(l -> !l.matches("(?i)https?://.*")).ifPresent(file -> checkKeyFile(file, problems, hint));
  }

  private static void checkKeyFile(String location, List<String> problems, String hint) {
    Path file;
    try {
      file = Path.of(location.replaceFirst("^file:", ""));
    } catch (InvalidPathException e) {
      problems.add(PUBLIC_KEY_LOCATION + "=" + location + " is not a file path or URL" + hint);
      return;
    }
    if (!Files.isReadable(file)) {
      problems.add(PUBLIC_KEY_LOCATION + "=" + location + " cannot be read" + hint);
      return;
    }
    try {
      if (isDevelopmentKey(Files.readString(file))) {
        problems.add(PUBLIC_KEY_LOCATION + "=" + location + " is the development key (bin/dev-keys) and is refused" + hint);
      }
    } catch (IOException e) {
      problems.add(PUBLIC_KEY_LOCATION + "=" + location + " cannot be read: " + e.getMessage() + hint);
    }
  }

  /** True when the PEM text holds the development public key, whatever its line breaks. */
  static boolean isDevelopmentKey(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)).equals(DEVELOPMENT_KEY_SHA256);
    } catch (IllegalArgumentException notBase64) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
