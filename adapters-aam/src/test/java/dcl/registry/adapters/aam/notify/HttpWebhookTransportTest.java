package dcl.registry.adapters.aam.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dcl.registry.adapters.aam.notify.HttpWebhookTransport.HostResolver;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signed POST, and the delivery-time check: only addresses the policy allowed are ever connected to. */
class HttpWebhookTransportTest {
  private static final String SECRET = "reviewers-shared-secret-1";
  private static final String PAYLOAD = "{\"id\":\"a-1\",\"status\":\"approved\"}";
  private static final InetAddress LOOPBACK = address(127, 0, 0, 1);
  /** A public address nobody answers on (TEST-NET-3): never contacted by these tests, only judged. */
  private static final InetAddress PUBLIC = address(203, 0, 113, 7);
  private static final TargetPolicy HTTP_TO_PUBLIC = TargetPolicy.of(true, List.of());
  private static final TargetPolicy HTTP_TO_LOOPBACK = TargetPolicy.of(true, List.of("127.0.0.1"));
  private static final HostResolver NO_LOOKUP = host -> {
    throw new AssertionError("looked up " + host);
  };

  /** One request as the receiver saw it. */
  record Received(String target, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.get(name).get(0);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private volatile int answer = 204;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new Received(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static HostResolver resolvesTo(InetAddress... addresses) {
    return host -> List.of(addresses);
  }

  private static DeliveryResult send(TargetPolicy policy, HostResolver resolver, String url) {
    return new HttpWebhookTransport(policy, resolver, Duration.ofSeconds(2)).send(delivery(url));
  }

  private static WebhookDelivery delivery(String url) {
    return new WebhookDelivery("d-1", new TenantId("acme"), new Webhook("reviewers", URI.create(url), SECRET),
        "approval.approved", PAYLOAD, "PENDING", 0, Instant.EPOCH, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private String receiverUrl(String host) {
    return "http://" + host + ":" + receiver.getAddress().getPort() + "/hook?tenant=acme";
  }

  @Test
  void givenRfc4231TestCase2_whenSigned_thenTheHmacMatches() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HttpWebhookTransport.sign("Jefe", "what do ya want for nothing?"));
  }

  @Test
  void givenAnAllowListedReceiver_whenSent_thenItGetsTheSignedPostAndItsStatusIsTheResult() {
    DeliveryResult result = send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), receiverUrl("receiver.example"));

    assertEquals(DeliveryResult.answered(204), result);
    assertEquals(1, received.size());
    Received post = received.get(0);
    assertEquals("/hook?tenant=acme", post.target());
    assertEquals(PAYLOAD, post.body());
    assertEquals("receiver.example:" + receiver.getAddress().getPort(), post.header("Host"), "the URL's host, not the address");
    assertEquals("approval.approved", post.header("X-dcl-event"));
    assertEquals("d-1", post.header("X-dcl-delivery"));
    assertEquals("sha256=" + HttpWebhookTransport.sign(SECRET, PAYLOAD), post.header("X-dcl-signature"));
    assertEquals("application/json", post.header("Content-type"));
  }

  @Test
  void givenANameThatResolvesToLoopback_whenSentWithoutAllowList_thenNothingIsSentAndTheTargetIsNotAllowed() {
    DeliveryResult result = send(HTTP_TO_PUBLIC, resolvesTo(LOOPBACK), receiverUrl("rebound.example"));

    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), result);
    assertFalse(result.worthRetrying());
    assertTrue(received.isEmpty(), "the receiver on 127.0.0.1 must not have been reached");
  }

  @Test
  void givenAPublicAndALoopbackAnswer_whenSent_thenEveryAddressIsJudgedAndNothingIsSent() {
    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
        send(HTTP_TO_PUBLIC, resolvesTo(PUBLIC, LOOPBACK), receiverUrl("rebound.example")));
    assertTrue(received.isEmpty());
  }

  @Test
  void givenAnIpv4MappedLoopbackAnswer_whenSent_thenItIsJudgedAsLoopback() throws UnknownHostException {
    InetAddress mapped = Inet6Address.getByAddress(null,
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, -1);

    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), send(HTTP_TO_PUBLIC, resolvesTo(mapped), receiverUrl("rebound.example")));
    assertTrue(received.isEmpty());
  }

  @Test
  void givenAnAllowListedHostName_whenItResolvesToLoopback_thenItIsSent() {
    TargetPolicy byName = TargetPolicy.of(true, List.of("receiver.internal"));

    assertEquals(DeliveryResult.answered(204), send(byName, resolvesTo(LOOPBACK), receiverUrl("receiver.internal")));
    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), send(byName, resolvesTo(LOOPBACK), receiverUrl("other.internal")));
    assertEquals(1, received.size());
  }

  @Test
  void givenAnIpLiteral_whenSent_thenItIsJudgedAndUsedWithoutALookup() {
    assertEquals(DeliveryResult.answered(204), send(HTTP_TO_LOOPBACK, NO_LOOKUP, receiverUrl("127.0.0.1")));
    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), send(HTTP_TO_PUBLIC, NO_LOOKUP, receiverUrl("127.0.0.1")));
    assertEquals(1, received.size());
  }

  @Test
  void givenAStoredHttpWebhook_whenOnlyHttpsIsAllowed_thenItIsRefusedBeforeAnyLookup() {
    TargetPolicy httpsToLoopback = TargetPolicy.of(false, List.of("127.0.0.0/8"));

    assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), send(httpsToLoopback, NO_LOOKUP, receiverUrl("receiver.example")));
    assertTrue(received.isEmpty());
  }

  @Test
  void givenAReceiverAnswering500_whenSent_thenOnlyItsStatusIsRecordedAndItIsRetried() {
    answer = 500;
    DeliveryResult result = send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), receiverUrl("receiver.example"));

    assertEquals(DeliveryResult.answered(500), result);
    assertFalse(result.delivered());
    assertTrue(result.worthRetrying());
  }

  @Test
  void givenAClosedPortASilentPortAndAnUnknownHost_whenSent_thenAllReadTheSameNeutralNoAnswer() throws IOException {
    int closedPort;
    try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = closed.getLocalPort();
    }
    DeliveryResult noAnswer = DeliveryResult.failed(Failure.NO_ANSWER);
    try (ServerSocket silent = new ServerSocket(0, 1, LOOPBACK)) { // the kernel accepts; nobody ever answers
      HttpWebhookTransport transport = new HttpWebhookTransport(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), Duration.ofMillis(300));
      assertEquals(noAnswer, transport.send(delivery("http://receiver.example:" + closedPort + "/hook")));
      assertEquals(noAnswer, transport.send(delivery("http://receiver.example:" + silent.getLocalPort() + "/hook")));
    }
    HostResolver unknown = host -> {
      throw new UnknownHostException(host);
    };
    assertEquals(noAnswer, send(HTTP_TO_PUBLIC, unknown, "http://nowhere.example/hook"));
    assertEquals("no answer from the receiver", Failure.NO_ANSWER.text());
  }

  @Test
  void givenAnInterimContinue_whenSent_thenTheFinalStatusCounts() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, LOOPBACK)) {
      Thread answering = new Thread(() -> {
        try (Socket connection = raw.accept()) {
          readRequest(connection.getInputStream());
          connection.getOutputStream().write(("HTTP/1.1 100 Continue\r\n\r\n"
              + "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          connection.getOutputStream().flush();
          connection.getInputStream().readAllBytes(); // until the sender closes
        } catch (IOException ignored) {
          // the assertion below tells
        }
      });
      answering.start();

      assertEquals(DeliveryResult.answered(202),
          send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), "http://receiver.example:" + raw.getLocalPort() + "/hook"));
      answering.join(2000);
    }
  }

  /** Reads the request head and its Content-Length body, so that closing never resets an unread request. */
  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      head.write(in.read());
    }
    Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head.toString(StandardCharsets.US_ASCII));
    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
  }
}
