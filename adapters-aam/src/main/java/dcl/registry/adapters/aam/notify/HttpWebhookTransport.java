package dcl.registry.adapters.aam.notify;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.notify.WebhookTarget;
import dcl.registry.domain.port.out.WebhookTransport;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * POSTs a delivery as JSON, signed: {@code X-DCL-Signature: sha256=<hex HMAC-SHA256 of the body with the
 * webhook's secret>}, plus {@code X-DCL-Event} and {@code X-DCL-Delivery} (stable across retries, so
 * receivers can drop duplicates). One deadline for the whole attempt: a slow receiver costs one attempt,
 * never a request.
 *
 * <p>It connects only to an address the {@link TargetPolicy} allowed: the host is resolved once, every address
 * it resolves to is checked (a name registered as public may resolve to 127.0.0.1 by now), and the socket is
 * opened to a checked address, so a second, different DNS answer can never be used. That is why it speaks
 * HTTP/1.1 over its own socket: {@code java.net.http.HttpClient} resolves host names itself and cannot be given
 * an address. TLS still verifies the certificate against the host name.
 *
 * <p>What it reports is the HTTP status or a neutral failure; why there was no answer (refused, timed out, no
 * route…) is logged here only, without the secret.
 */
public class HttpWebhookTransport implements WebhookTransport {
  private static final Logger LOG = Logger.getLogger(HttpWebhookTransport.class.getName());
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
  /** A status or header line longer than this is no HTTP answer. */
  private static final int MAX_LINE = 8192;

  /** Resolves a host name to its addresses: the system resolver in production, a fixed answer in tests. */
  @FunctionalInterface
  interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private final TargetPolicy policy;
  private final HostResolver resolver;
  private final Duration timeout;

  public HttpWebhookTransport(TargetPolicy policy) {
    this(policy, host -> List.of(InetAddress.getAllByName(host)), TIMEOUT);
  }

  HttpWebhookTransport(TargetPolicy policy, HostResolver resolver, Duration timeout) {
    this.policy = policy;
    this.resolver = resolver;
    this.timeout = timeout;
  }

  @Override
  public DeliveryResult send(WebhookDelivery delivery) {
    String where = "Webhook " + delivery.webhook().name() + " of tenant " + delivery.tenant();
    WebhookTarget target;
    try {
      target = WebhookTarget.of(delivery.webhook().url());
    } catch (InvalidInput unusable) {
      return notAllowed(where, unusable.getMessage());
    }
    Optional<String> refused = policy.refusal(target);
    if (refused.isPresent()) {
      return notAllowed(where, refused.get());
    }
    List<InetAddress> addresses;
    try {
      addresses = target.address().isPresent() ? List.of(target.address().get()) : resolver.resolve(target.host());
    } catch (UnknownHostException unknown) {
      return noAnswer(where, target, "does not resolve", unknown);
    }
    for (InetAddress address : addresses) {
      refused = policy.refusal(target, address);
      if (refused.isPresent()) {
        return notAllowed(where, target.host() + " resolved to " + address.getHostAddress() + ": " + refused.get());
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = connect(target, addresses, deadline)) {
      return DeliveryResult.answered(post(socket, delivery, deadline));
    } catch (IOException failed) {
      return noAnswer(where, target, "answered nothing usable", failed);
    }
  }

  /** Opens a connection to the first of the (checked) addresses that accepts one, TLS for https. */
  private Socket connect(WebhookTarget target, List<InetAddress> addresses, long deadline) throws IOException {
    IOException last = new IOException("no address");
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, target.port()), remainingMillis(deadline));
        socket.setSoTimeout(remainingMillis(deadline));
        return "https".equals(target.scheme()) ? tls(socket, target) : socket;
      } catch (IOException failed) {
        socket.close();
        last = failed;
      }
    }
    throw last;
  }

  /** TLS over the connected socket; the certificate must name the host of the URL, not the address. */
  private static Socket tls(Socket connected, WebhookTarget target) throws IOException {
    SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
        .createSocket(connected, target.host(), target.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  /** Sends the signed POST and returns the status of the final (non-1xx) response. */
  private static int post(Socket socket, WebhookDelivery delivery, long deadline) throws IOException {
    URI url = delivery.webhook().url();
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()) + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "User-Agent: dcl-registry-webhooks\r\n"
        + "X-DCL-Event: " + delivery.event() + "\r\n"
        + "X-DCL-Delivery: " + delivery.id() + "\r\n"
        + "X-DCL-Signature: sha256=" + sign(delivery.webhook().secret(), delivery.payload()) + "\r\n"
        + "Connection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    while (true) {
      String statusLine = readLine(in, socket, deadline);
      Matcher status = STATUS_LINE.matcher(statusLine);
      if (!status.matches()) {
        throw new IOException("not an HTTP/1.x status line");
      }
      int code = Integer.parseInt(status.group(1));
      if (code >= 200) {
        return code;
      }
      while (!readLine(in, socket, deadline).isEmpty()) {
        // the headers of an interim (1xx) response; the final one follows
      }
    }
  }

  /** One line of the answer, however slowly it trickles in, as long as it is complete before the deadline. */
  private static String readLine(InputStream in, Socket socket, long deadline) throws IOException {
    StringBuilder line = new StringBuilder();
    while (line.length() < MAX_LINE) {
      socket.setSoTimeout(remainingMillis(deadline));
      int next = in.read();
      if (next == -1) {
        throw new EOFException("closed before a complete status");
      }
      if (next == '\n') {
        return line.toString().strip();
      }
      line.append((char) next);
    }
    throw new IOException("a line of more than " + MAX_LINE + " bytes");
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("no complete answer in time");
    }
    return (int) left;
  }

  private static DeliveryResult notAllowed(String where, String why) {
    LOG.warning(() -> where + ": not sent, the target is not allowed: " + why);
    return DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED);
  }

  private static DeliveryResult noAnswer(String where, WebhookTarget target, String what, IOException cause) {
    LOG.warning(() -> where + ": " + target.host() + ":" + target.port() + " " + what + " (" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
    return DeliveryResult.failed(Failure.NO_ANSWER);
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
