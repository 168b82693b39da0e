package dcl.registry.adapters.aam.notify;

import dcl.registry.adapters.aam.notify.PolicyCheckedDnsResolver.AddressNotAllowed;
import dcl.registry.adapters.aam.notify.PolicyCheckedDnsResolver.HostResolver;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.notify.WebhookTarget;
import dcl.registry.domain.port.out.WebhookTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs a delivery as JSON, signed: {@code X-DCL-Signature: sha256=<hex HMAC-SHA256 of the body
 * with the webhook's secret>}, plus {@code X-DCL-Event} and {@code X-DCL-Delivery} (stable across
 * retries, so receivers can drop duplicates). One deadline for the whole attempt: a slow receiver
 * costs one attempt, never a request.
 *
 * <p>It connects only to an address the {@link TargetPolicy} allowed. Apache HttpClient speaks
 * HTTP/1.1 and TLS (the certificate verified against the host name), but it turns host names into
 * addresses only through {@link PolicyCheckedDnsResolver}: the host is resolved once per attempt,
 * every address it resolves to is checked (a name registered as public may resolve to 127.0.0.1 by
 * now), and only checked addresses are connected to. Redirects are not followed (a 3xx is the
 * result), there is no proxy (it would resolve the name itself), and no retry but the delivery
 * schedule's.
 *
 * <p>What it reports is the HTTP status or a neutral failure; why there was no answer (refused,
 * timed out, no route…) is logged here only, without the secret.
 */
public class HttpWebhookTransport implements WebhookTransport, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpWebhookTransport.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * A status or header line longer than this, or more headers than this, is no answer worth
     * reading.
     */
    private static final int MAX_LINE = 8192;

    private static final int MAX_HEADERS = 100;
    private static final ContentType JSON = ContentType.create("application/json");

    private final TargetPolicy policy;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines;
    private final CloseableHttpClient client;

    /**
     * Resolves with the system resolver; {@code deadlines} ends attempts that run over {@link
     * #TIMEOUT}.
     */
    public HttpWebhookTransport(TargetPolicy policy, ScheduledExecutorService deadlines) {
        this(policy, host -> List.of(InetAddress.getAllByName(host)), TIMEOUT, deadlines);
    }

    HttpWebhookTransport(
            TargetPolicy policy,
            HostResolver resolver,
            Duration timeout,
            ScheduledExecutorService deadlines) {
        this.policy = policy;
        this.timeout = timeout;
        this.deadlines = deadlines;
        this.client = client(new PolicyCheckedDnsResolver(policy, resolver), Timeout.of(timeout));
    }

    private static CloseableHttpClient client(PolicyCheckedDnsResolver resolver, Timeout timeout) {
        return HttpClients.custom()
                .setConnectionManager(
                        PoolingHttpClientConnectionManagerBuilder.create()
                                .setDnsResolver(resolver)
                                // the JVM's default SSLContext and trust store, the certificate
                                // checked against the host name
                                .setTlsSocketStrategy(
                                        DefaultClientTlsStrategy.createSystemDefault())
                                .setDefaultConnectionConfig(
                                        ConnectionConfig.custom()
                                                .setConnectTimeout(timeout)
                                                .setSocketTimeout(timeout)
                                                .build())
                                .setConnectionFactory(
                                        ManagedHttpClientConnectionFactory.builder()
                                                .http1Config(
                                                        Http1Config.custom()
                                                                .setMaxLineLength(MAX_LINE)
                                                                .setMaxHeaderCount(MAX_HEADERS)
                                                                .build())
                                                .build())
                                .build())
                // straight to the target, never through a proxy: a proxy would resolve the name
                // itself
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(
                        RequestConfig.custom()
                                .setConnectionRequestTimeout(timeout)
                                .setResponseTimeout(timeout)
                                .build())
                // a 3xx is the result: where a redirect points was never registered, let alone
                // checked
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("dcl-registry-webhooks")
                .build();
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
        // The host as the policy read it; an IP literal (judged above) is used as it is, without a
        // lookup.
        HttpHost host =
                new HttpHost(
                        target.scheme(),
                        target.address().orElse(null),
                        target.host(),
                        target.port());
        HttpPost post = post(delivery, target);
        Runnable abort = post::cancel;
        ScheduledFuture<?> deadline =
                deadlines.schedule(abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return DeliveryResult.answered(
                    client.execute(host, post, ClassicHttpResponse::getCode));
        } catch (AddressNotAllowed internal) {
            return notAllowed(where, internal.getMessage());
        } catch (UnknownHostException unknown) {
            return noAnswer(where, target, "does not resolve", unknown);
        } catch (IOException failed) {
            String what =
                    post.isCancelled()
                            ? "gave no complete answer within " + timeout.toMillis() + " ms"
                            : "answered nothing usable";
            return noAnswer(where, target, what, failed);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The signed POST: the body exactly as signed, one connection per attempt. Host is the host as
     * the policy read it (TLS verifies the certificate against the same name) with the URL's port
     * if it names one, never user info.
     */
    private static HttpPost post(WebhookDelivery delivery, WebhookTarget target) {
        URI url = delivery.webhook().url();
        HttpPost post = new HttpPost(url);
        post.setAuthority(new URIAuthority(target.host(), url.getPort()));
        post.setEntity(
                new ByteArrayEntity(delivery.payload().getBytes(StandardCharsets.UTF_8), JSON));
        post.setHeader("X-DCL-Event", delivery.event());
        post.setHeader("X-DCL-Delivery", delivery.id());
        post.setHeader(
                "X-DCL-Signature",
                "sha256=" + sign(delivery.webhook().secret(), delivery.payload()));
        post.setHeader(HttpHeaders.CONNECTION, "close");
        return post;
    }

    /** Closes the client and its connections; the transport sends nothing afterwards. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private static DeliveryResult notAllowed(String where, String why) {
        LOG.warning(() -> where + ": not sent, the target is not allowed: " + why);
        return DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED);
    }

    private static DeliveryResult noAnswer(
            String where, WebhookTarget target, String what, IOException cause) {
        LOG.warning(
                () ->
                        where
                                + ": "
                                + target.host()
                                + ":"
                                + target.port()
                                + " "
                                + what
                                + " ("
                                + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                                + ")");
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
