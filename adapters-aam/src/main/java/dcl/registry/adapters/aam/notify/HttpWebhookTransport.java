package dcl.registry.adapters.aam.notify;

import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.port.out.WebhookTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a delivery as JSON, signed: {@code X-DCL-Signature: sha256=<hex HMAC-SHA256 of the body with the
 * webhook's secret>}, plus {@code X-DCL-Event} and {@code X-DCL-Delivery} (stable across retries, so
 * receivers can drop duplicates). Short timeouts: a slow receiver costs one attempt, never a request.
 */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Override
  public DeliveryResult send(WebhookDelivery delivery) {
    HttpRequest request = HttpRequest.newBuilder(delivery.webhook().url())
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "dcl-registry-webhooks")
        .header("X-DCL-Event", delivery.event())
        .header("X-DCL-Delivery", delivery.id())
        .header("X-DCL-Signature", "sha256=" + sign(delivery.webhook().secret(), delivery.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return new DeliveryResult(Optional.of(response.statusCode()), Optional.empty());
    } catch (IOException failed) {
      return new DeliveryResult(Optional.empty(), Optional.of(failed.getClass().getSimpleName()
          + (failed.getMessage() == null ? "" : ": " + failed.getMessage())));
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return new DeliveryResult(Optional.empty(), Optional.of("interrupted (server stopping)"));
    }
  }

  /** Hex HMAC-SHA256 of {@code body} under {@code secret}, as receivers recompute it. */
  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
    }
  }
}
