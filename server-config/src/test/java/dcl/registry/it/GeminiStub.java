package dcl.registry.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that speaks Gemini's {@code generateContent} wire format, so the service's
 * real Rest Client, Fault Tolerance and parsing run against it. Each test queues the replies it
 * wants; when the queue is empty the last reply repeats.
 */
final class GeminiStub implements AutoCloseable {
    static final int PORT = Integer.getInteger("dcl.it.gemini.port", 19099);

    /** One scripted reply: a status, a body and how long to wait before answering. */
    record Reply(int status, String body, long delayMillis) {}

    /** One request as received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply last = answer("{}");

    GeminiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A 200 whose model text is {@code modelText} (itself JSON when the model obeyed the schema).
     */
    static Reply answer(String modelText) {
        String body =
                Json.createObjectBuilder()
                        .add(
                                "candidates",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add(
                                                                "content",
                                                                Json.createObjectBuilder()
                                                                        .add("role", "model")
                                                                        .add(
                                                                                "parts",
                                                                                Json
                                                                                        .createArrayBuilder()
                                                                                        .add(
                                                                                                Json
                                                                                                        .createObjectBuilder()
                                                                                                        .add(
                                                                                                                "text",
                                                                                                                modelText))))
                                                        .add("finishReason", "STOP")))
                        .add(
                                "usageMetadata",
                                Json.createObjectBuilder()
                                        .add("promptTokenCount", 120)
                                        .add("candidatesTokenCount", 30))
                        .build()
                        .toString();
        return new Reply(200, body, 0);
    }

    static Reply choosing(String target, double confidence) {
        return answer(
                Json.createObjectBuilder()
                        .add("target", target)
                        .add("confidence", confidence)
                        .add("reasoning", "stub chose " + target)
                        .add("alternatives", Json.createArrayBuilder())
                        .build()
                        .toString());
    }

    static Reply status(int status) {
        return new Reply(
                status,
                "{\"error\":{\"code\":"
                        + status
                        + ",\"message\":\"stub\",\"status\":\"UNAVAILABLE\"}}",
                0);
    }

    void then(Reply... replies) {
        script.clear();
        for (Reply r : replies) {
            script.add(r);
        }
        last = replies[replies.length - 1];
        received.clear();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(
                new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body));
        Reply reply = script.size() > 1 ? script.poll() : last;
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the service gave up waiting (its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
