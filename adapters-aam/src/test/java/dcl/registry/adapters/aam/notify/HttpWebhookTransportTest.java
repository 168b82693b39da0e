package dcl.registry.adapters.aam.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dcl.registry.adapters.aam.notify.PolicyCheckedDnsResolver.HostResolver;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import dcl.registry.domain.notify.DeliveryStatus;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed POST, and the delivery-time check: only addresses the policy allowed are ever
 * connected to, no redirect is followed, and an attempt ends with its deadline.
 */
class HttpWebhookTransportTest {
    private static final String SECRET = "reviewers-shared-secret-1";
    private static final String PAYLOAD = "{\"id\":\"a-1\",\"status\":\"approved\"}";
    private static final InetAddress LOOPBACK = address(127, 0, 0, 1);

    /**
     * A public address nobody answers on (TEST-NET-3): never contacted by these tests, only judged.
     */
    private static final InetAddress PUBLIC = address(203, 0, 113, 7);

    private static final TargetPolicy HTTP_TO_PUBLIC = TargetPolicy.of(true, List.of());
    private static final TargetPolicy HTTP_TO_LOOPBACK =
            TargetPolicy.of(true, List.of("127.0.0.1"));
    private static final HostResolver NO_LOOKUP =
            host -> {
                throw new AssertionError("looked up " + host);
            };
    private static final ScheduledExecutorService DEADLINES =
            Executors.newSingleThreadScheduledExecutor();

    /** One request as the receiver saw it. */
    record Received(String target, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.get(name).get(0);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private volatile int answer = 204;
    private volatile String location;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        receiver.createContext(
                "/",
                exchange -> {
                    received.add(
                            new Received(
                                    exchange.getRequestURI().toString(),
                                    Map.copyOf(exchange.getRequestHeaders()),
                                    new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8)));
                    if (location != null) {
                        exchange.getResponseHeaders().add("Location", location);
                    }
                    exchange.sendResponseHeaders(answer, -1);
                    exchange.close();
                });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @AfterAll
    static void stopDeadlines() {
        DEADLINES.shutdownNow();
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
        return send(policy, resolver, Duration.ofSeconds(2), url);
    }

    private static DeliveryResult send(
            TargetPolicy policy, HostResolver resolver, Duration timeout, String url) {
        try (HttpWebhookTransport transport =
                new HttpWebhookTransport(policy, resolver, timeout, DEADLINES)) {
            return transport.send(delivery(url));
        }
    }

    private static WebhookDelivery delivery(String url) {
        return new WebhookDelivery(
                "d-1",
                new TenantId("acme"),
                new Webhook("reviewers", URI.create(url), SECRET),
                "approval.approved",
                PAYLOAD,
                DeliveryStatus.PENDING,
                0,
                Instant.EPOCH,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private String receiverUrl(String host) {
        return "http://" + host + ":" + receiver.getAddress().getPort() + "/hook?tenant=acme";
    }

    @Test
    void givenRfc4231TestCase2_whenSigned_thenTheHmacMatches() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HttpWebhookTransport.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void givenAnAllowListedReceiver_whenSent_thenItGetsTheSignedPostAndItsStatusIsTheResult() {
        DeliveryResult result =
                send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), receiverUrl("receiver.example"));

        assertEquals(DeliveryResult.answered(204), result);
        assertEquals(1, received.size());
        Received post = received.get(0);
        assertEquals("/hook?tenant=acme", post.target());
        assertEquals(PAYLOAD, post.body());
        assertEquals(
                "receiver.example:" + receiver.getAddress().getPort(),
                post.header("Host"),
                "the URL's host, not the address");
        assertEquals("approval.approved", post.header("X-dcl-event"));
        assertEquals("d-1", post.header("X-dcl-delivery"));
        assertEquals(
                "sha256=" + HttpWebhookTransport.sign(SECRET, PAYLOAD),
                post.header("X-dcl-signature"));
        assertEquals("application/json", post.header("Content-type"));
        assertEquals(String.valueOf(PAYLOAD.length()), post.header("Content-length"));
    }

    @Test
    void givenAUrlWithUserInfo_whenSent_thenTheHostHeaderCarriesNoCredentials() {
        assertEquals(
                DeliveryResult.answered(204),
                send(
                        HTTP_TO_LOOPBACK,
                        resolvesTo(LOOPBACK),
                        "http://someone:pa55@receiver.example:"
                                + receiver.getAddress().getPort()
                                + "/hook"));
        assertEquals(
                "receiver.example:" + receiver.getAddress().getPort(),
                received.get(0).header("Host"));
        assertFalse(received.get(0).headers().containsKey("Authorization"));
    }

    @Test
    void
            givenANameThatResolvesToLoopback_whenSentWithoutAllowList_thenNothingIsSentAndTheTargetIsNotAllowed() {
        DeliveryResult result =
                send(HTTP_TO_PUBLIC, resolvesTo(LOOPBACK), receiverUrl("rebound.example"));

        assertEquals(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), result);
        assertFalse(result.worthRetrying());
        assertTrue(received.isEmpty(), "the receiver on 127.0.0.1 must not have been reached");
    }

    @Test
    void givenAPublicAndALoopbackAnswer_whenSent_thenEveryAddressIsJudgedAndNothingIsSent() {
        assertEquals(
                DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
                send(HTTP_TO_PUBLIC, resolvesTo(PUBLIC, LOOPBACK), receiverUrl("rebound.example")));
        assertTrue(received.isEmpty());
    }

    @Test
    void givenAnIpv4MappedLoopbackAnswer_whenSent_thenItIsJudgedAsLoopback()
            throws UnknownHostException {
        InetAddress mapped =
                Inet6Address.getByAddress(
                        null,
                        new byte[] {
                            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1
                        },
                        -1);

        assertEquals(
                DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
                send(HTTP_TO_PUBLIC, resolvesTo(mapped), receiverUrl("rebound.example")));
        assertTrue(received.isEmpty());
    }

    @Test
    void givenAnAllowListedHostName_whenItResolvesToLoopback_thenItIsSent() {
        TargetPolicy byName = TargetPolicy.of(true, List.of("receiver.internal"));

        assertEquals(
                DeliveryResult.answered(204),
                send(byName, resolvesTo(LOOPBACK), receiverUrl("receiver.internal")));
        assertEquals(
                DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
                send(byName, resolvesTo(LOOPBACK), receiverUrl("other.internal")));
        assertEquals(1, received.size());
    }

    @Test
    void givenAnIpLiteral_whenSent_thenItIsJudgedAndUsedWithoutALookup() {
        assertEquals(
                DeliveryResult.answered(204),
                send(HTTP_TO_LOOPBACK, NO_LOOKUP, receiverUrl("127.0.0.1")));
        assertEquals(
                DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
                send(HTTP_TO_PUBLIC, NO_LOOKUP, receiverUrl("127.0.0.1")));
        assertEquals(1, received.size());
    }

    @Test
    void givenAStoredHttpWebhook_whenOnlyHttpsIsAllowed_thenItIsRefusedBeforeAnyLookup() {
        TargetPolicy httpsToLoopback = TargetPolicy.of(false, List.of("127.0.0.0/8"));

        assertEquals(
                DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED),
                send(httpsToLoopback, NO_LOOKUP, receiverUrl("receiver.example")));
        assertTrue(received.isEmpty());
    }

    @Test
    void givenAReceiverAnswering500_whenSent_thenOnlyItsStatusIsRecordedAndItIsRetried() {
        answer = 500;
        DeliveryResult result =
                send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), receiverUrl("receiver.example"));

        assertEquals(DeliveryResult.answered(500), result);
        assertFalse(result.delivered());
        assertTrue(result.worthRetrying());
    }

    @Test
    void
            givenAnHttpsReceiverWithAnUntrustedCertificate_whenSent_thenNothingIsPostedAndThereIsNoAnswer(
                    @TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir, "receiver.example")));
        https.createContext(
                "/",
                exchange -> {
                    received.add(
                            new Received(
                                    exchange.getRequestURI().toString(),
                                    Map.copyOf(exchange.getRequestHeaders()),
                                    ""));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        https.start();
        try {
            assertEquals(
                    DeliveryResult.failed(Failure.NO_ANSWER),
                    send(
                            TargetPolicy.of(false, List.of("127.0.0.1")),
                            resolvesTo(LOOPBACK),
                            "https://receiver.example:" + https.getAddress().getPort() + "/hook"));
            assertTrue(received.isEmpty(), "the certificate is checked before anything is sent");
        } finally {
            https.stop(0);
        }
    }

    /**
     * A TLS server context with a fresh self-signed certificate for {@code host}, made by the JDK's
     * keytool.
     */
    private static SSLContext selfSigned(Path dir, String host) throws Exception {
        Path store = dir.resolve("receiver.p12");
        char[] password = "receiver-store".toCharArray();
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-keystore",
                                store.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                new String(password),
                                "-alias",
                                "receiver",
                                "-keyalg",
                                "EC",
                                "-dname",
                                "CN=" + host,
                                "-ext",
                                "san=dns:" + host,
                                "-validity",
                                "2")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        return tls;
    }

    @Test
    void
            givenAReceiverRedirectingToAnInternalAddress_whenSent_thenTheRedirectIsNotFollowedAndItsStatusIsTheResult() {
        // 127.0.0.1 is allowed here, so only not following redirects keeps the request from
        // /internal
        for (int status : new int[] {302, 307}) {
            received.clear();
            answer = status;
            location = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/internal";

            assertEquals(
                    DeliveryResult.answered(status),
                    send(HTTP_TO_LOOPBACK, resolvesTo(LOOPBACK), receiverUrl("receiver.example")));
            assertEquals(
                    List.of("/hook?tenant=acme"),
                    received.stream().map(Received::target).toList(),
                    "only the webhook URL was requested");
        }
    }

    @Test
    void givenAClosedPortASilentPortAndAnUnknownHost_whenSent_thenAllReadTheSameNeutralNoAnswer()
            throws IOException {
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = closed.getLocalPort();
        }
        DeliveryResult noAnswer = DeliveryResult.failed(Failure.NO_ANSWER);
        try (ServerSocket silent =
                        new ServerSocket(0, 1, LOOPBACK); // the kernel accepts; nobody ever answers
                HttpWebhookTransport transport =
                        new HttpWebhookTransport(
                                HTTP_TO_LOOPBACK,
                                resolvesTo(LOOPBACK),
                                Duration.ofMillis(300),
                                DEADLINES)) {
            assertEquals(
                    noAnswer,
                    transport.send(delivery("http://receiver.example:" + closedPort + "/hook")));
            assertEquals(
                    noAnswer,
                    transport.send(
                            delivery(
                                    "http://receiver.example:" + silent.getLocalPort() + "/hook")));
        }
        HostResolver unknown =
                host -> {
                    throw new UnknownHostException(host);
                };
        assertEquals(noAnswer, send(HTTP_TO_PUBLIC, unknown, "http://nowhere.example/hook"));
        assertEquals("no answer from the receiver", Failure.NO_ANSWER.text());
    }

    @Test
    void givenAReceiverTricklingItsAnswer_whenSent_thenTheAttemptEndsAtItsDeadlineWithNoAnswer()
            throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, LOOPBACK)) {
            Thread trickling =
                    new Thread(
                            () -> {
                                try (Socket connection = raw.accept()) {
                                    readRequest(connection.getInputStream());
                                    connection
                                            .getOutputStream()
                                            .write(
                                                    "HTTP/1.1 200 OK\r\nX-Slow: "
                                                            .getBytes(StandardCharsets.US_ASCII));
                                    for (int i = 0;
                                            i < 100;
                                            i++) { // a byte every 50 ms: no read ever waits long
                                        // enough to time out
                                        connection.getOutputStream().write('z');
                                        connection.getOutputStream().flush();
                                        Thread.sleep(50);
                                    }
                                } catch (IOException | InterruptedException closedByTheSender) {
                                    // expected: the sender gave up
                                }
                            });
            trickling.start();

            long started = System.nanoTime();
            assertEquals(
                    DeliveryResult.failed(Failure.NO_ANSWER),
                    send(
                            HTTP_TO_LOOPBACK,
                            resolvesTo(LOOPBACK),
                            Duration.ofMillis(300),
                            "http://receiver.example:" + raw.getLocalPort() + "/hook"));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(
                    tookMillis < 2000,
                    "ended after " + tookMillis + " ms, not at its 300 ms deadline");
            trickling.join(6000);
        }
    }

    @Test
    void givenAnInterimContinue_whenSent_thenTheFinalStatusCounts() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, LOOPBACK)) {
            Thread answering =
                    new Thread(
                            () -> {
                                try (Socket connection = raw.accept()) {
                                    readRequest(connection.getInputStream());
                                    connection
                                            .getOutputStream()
                                            .write(
                                                    ("HTTP/1.1 100 Continue\r\n\r\n"
                                                                    + "HTTP/1.1 202 Accepted\r\n"
                                                                    + "Content-Length: 0\r\n\r\n")
                                                            .getBytes(StandardCharsets.US_ASCII));
                                    connection.getOutputStream().flush();
                                    connection
                                            .getInputStream()
                                            .readAllBytes(); // until the sender closes
                                } catch (IOException ignored) {
                                    // the assertion below tells
                                }
                            });
            answering.start();

            assertEquals(
                    DeliveryResult.answered(202),
                    send(
                            HTTP_TO_LOOPBACK,
                            resolvesTo(LOOPBACK),
                            "http://receiver.example:" + raw.getLocalPort() + "/hook"));
            answering.join(2000);
        }
    }

    /**
     * Reads the request head and its Content-Length body, so that closing never resets an unread
     * request.
     */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        Matcher length =
                Pattern.compile("Content-Length: (\\d+)")
                        .matcher(head.toString(StandardCharsets.US_ASCII));
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    }
}
