package dcl.registry.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The service's REST API as the proposal benchmarks call it: a request never throws (a failure is a
 * reply with status -1 and the exception's text), so a long run reports what failed and goes on.
 */
final class BenchApi {
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String base;

    BenchApi(String base) {
        this.base = base;
    }

    /** An answer, or status -1 with the exception's text when there was none. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, or JSON's null when it is none. */
        JsonValue value() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            } catch (RuntimeException e) {
                return JsonValue.NULL;
            }
        }

        /** The body as an object; an empty object when it is not one. */
        JsonObject json() {
            return value() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /**
     * A benchmark's request to the service: the bearer token and the JSON body when given, a minute
     * at most.
     */
    static HttpRequest request(String base, String method, String path, String token, String json) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    Reply call(String method, String path, String token, String json) {
        try {
            HttpResponse<String> response =
                    HTTP.send(
                            request(base, method, path, token, json),
                            HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    /** How long a benchmark waits for a (re)starting service's index to finish its first load. */
    private static final Duration INDEX_LOAD_WAIT = Duration.ofMinutes(10);

    /**
     * Vectors in the semantic index (all tenants), from the readiness check; -1 if unreadable.
     * While the index is still loading what is stored (a service just started), it waits for the
     * load to end: a count taken mid-load would make a later wait for new mappings end early, and
     * the benchmark measure beside the rest of the load.
     */
    long indexSize() {
        long deadline = System.nanoTime() + INDEX_LOAD_WAIT.toNanos();
        boolean said = false;
        while (true) {
            JsonObject index = indexCheck();
            if (index == null || !(index.get("mappings") instanceof JsonNumber size)) {
                return -1;
            }
            boolean loading =
                    index.get("state") instanceof JsonString state
                            && !state.getString().equals("ready");
            if (!loading || System.nanoTime() > deadline) {
                return size.longValue();
            }
            if (!said) {
                System.out.println("  (waiting for the semantic index to finish loading)");
                said = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return size.longValue();
            }
        }
    }

    /** The service's garbage collections so far, every collector together. */
    record Collections(long count, double seconds) {
        Collections since(Collections before) {
            return new Collections(count - before.count, seconds - before.seconds);
        }
    }

    /**
     * The collections so far, from the base metrics ({@code gc_total} and {@code gc_time_seconds}
     * summed over the collectors); empty when they cannot be read: no answer, neither metric, or a
     * value that is not a finite number.
     */
    Optional<Collections> collections() {
        Reply metrics = call("GET", "/metrics?scope=base", null, null);
        if (!metrics.ok()) {
            return Optional.empty();
        }
        return sum(metrics.body(), "gc_total")
                .flatMap(
                        count ->
                                sum(metrics.body(), "gc_time_seconds")
                                        .map(
                                                seconds ->
                                                        new Collections(
                                                                Math.round(count), seconds)));
    }

    /** The sum of a metric's samples (every label set) in Prometheus text, if it has any. */
    private static Optional<Double> sum(String prometheus, String metric) {
        double[] values =
                prometheus
                        .lines()
                        .filter(
                                line ->
                                        line.startsWith(metric + "{")
                                                || line.startsWith(metric + " "))
                        .mapToDouble(line -> number(line.substring(line.lastIndexOf(' ') + 1)))
                        .toArray();
        double total = Arrays.stream(values).sum();
        return values.length == 0 || !Double.isFinite(total)
                ? Optional.empty()
                : Optional.of(total);
    }

    /** A sample's value; NaN for one that is not a number, so that the sum is not finite. */
    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The readiness check's data on the semantic index, or null. */
    private JsonObject indexCheck() {
        Reply health = call("GET", "/health/ready", null, null); // 503 while not ready: same body
        if (health.json().get("checks") instanceof JsonArray checks) {
            for (JsonValue check : checks) {
                if (check instanceof JsonObject o
                        && o.get("name") instanceof JsonString name
                        && name.getString().equals("semantic-index")
                        && o.get("data") instanceof JsonObject data) {
                    return data;
                }
            }
        }
        return null;
    }
}
