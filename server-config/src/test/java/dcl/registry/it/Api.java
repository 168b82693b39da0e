package dcl.registry.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small HTTP client for the registry under test: one caller (token), JSON in and out. */
final class Api {
    static final String BASE =
            "http://localhost:" + System.getProperty("dcl.it.http.port", "19080");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;
    private final String base;

    private Api(String token, String base) {
        this.token = token;
        this.base = base;
    }

    private Api(String token) {
        this(token, BASE);
    }

    /** The node this caller talks to. */
    String base() {
        return base;
    }

    /** The same caller, talking to another node. */
    Api at(String otherBase) {
        return new Api(token, otherBase);
    }

    static Api as(String token) {
        return new Api(token);
    }

    static Api anonymous() {
        return new Api(null);
    }

    /** A tenant no other test uses: tests never see each other's data. */
    static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Reply put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    /**
     * A JSON Merge Patch (RFC 7396): Content-Type application/merge-patch+json unless the headers
     * name another.
     */
    Reply patch(String path, String json, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return send("PATCH", path, json, headers);
            }
        }
        String[] typed = java.util.Arrays.copyOf(headers, headers.length + 2);
        typed[headers.length] = "Content-Type";
        typed[headers.length + 1] = "application/merge-patch+json";
        return send("PATCH", path, json, typed);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            return new Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with helpers to read its JSON. */
    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonArray array() {
            return (JsonArray) parse();
        }

        /** The items of a page ({@code {"items": [...], "next": ...}}). */
        JsonArray items() {
            return json().getJsonArray("items");
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
