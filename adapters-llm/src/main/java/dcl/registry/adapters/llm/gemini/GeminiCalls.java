package dcl.registry.adapters.llm.gemini;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The guarded HTTP call. Fault Tolerance around it: retried with a pause on 429/5xx and connection
 * failures; a circuit that opens when half of the last four calls failed (and stays open 30 s, so
 * an outage costs one quick refusal per proposal instead of a wait), a refusal of the request's own
 * content not counted (the circuit is every tenant's: one tenant's oversized fields must not close
 * Gemini to the others); at most {@link #IN_FLIGHT} calls at once (a tenant's share is {@link
 * GeminiLanguageModel}'s); and an outer time limit over the whole exchange. The read timeout per
 * attempt comes from the validated settings.
 */
@ApplicationScoped
public class GeminiCalls {
    static final int IN_FLIGHT = 4;

    /** What Gemini answers to a request it will not take; 401 and 403 are the key's, everyone's. */
    private static final Set<Integer> REQUESTS_OWN_REFUSALS = Set.of(400, 413, 422);

    private static final Logger LOG = Logger.getLogger(GeminiCalls.class.getName());
    @Inject GeminiSettings settings;
    private GeminiApi api;

    @PostConstruct
    void connect() {
        api =
                RestClientBuilder.newBuilder()
                        .baseUri(settings.baseUrl())
                        .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(GeminiApi.class);
    }

    @Retry(
            retryOn = GeminiFailure.Transient.class,
            maxRetries = 2,
            delay = 250,
            jitter = 100,
            maxDuration = 60_000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 1,
            skipOn = GeminiFailure.Refused.class)
    @Bulkhead(IN_FLIGHT)
    @Timeout(value = 60, unit = java.time.temporal.ChronoUnit.SECONDS)
    public String generate(String body) {
        String key =
                settings.apiKey().orElseThrow(() -> new GeminiFailure("no API key is configured"));
        try {
            return api.generateContent(settings.model(), key, body);
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            String message = "HTTP " + status + " from Gemini";
            if (status == 429 || status >= 500) {
                throw new GeminiFailure.Transient(message);
            }
            throw REQUESTS_OWN_REFUSALS.contains(status)
                    ? new GeminiFailure.Refused(message)
                    : new GeminiFailure(message);
        } catch (ProcessingException unreachable) {
            if (causedByTimeout(unreachable)) {
                throw new GeminiFailure(
                        "no answer within " + settings.timeout().toMillis() + " ms");
            }
            // the cause (which may name hosts and ports) is for operators; callers see a neutral
            // reason
            LOG.warning(() -> "Gemini unreachable: " + rootMessage(unreachable));
            throw new GeminiFailure.Transient(
                    "unreachable (no connection to the model's endpoint)");
        }
    }

    private static boolean causedByTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
