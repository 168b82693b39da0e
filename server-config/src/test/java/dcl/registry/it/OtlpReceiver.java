package dcl.registry.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OTLP/HTTP trace receiver (POST /v1/traces, protobuf), standing in for the operator's
 * collector: it decodes every export with the protocol's generated classes and keeps the spans. The
 * test server traces every request, so one receiver listens for the whole test JVM, started before
 * the first deployment: no test's spans are refused (each refusal is an error in the log).
 */
final class OtlpReceiver {
    static final int PORT = Integer.getInteger("dcl.it.otlp.port", 19317);

    /**
     * One received span: its service, name, its own and its parent's id (hex; empty for a root) and
     * its attributes as strings.
     */
    record ReceivedSpan(
            String service,
            String name,
            String spanId,
            String parentSpanId,
            Map<String, String> attributes) {}

    private static OtlpReceiver running;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver() {}

    static synchronized OtlpReceiver ensureStarted() {
        if (running != null) {
            return running;
        }
        OtlpReceiver receiver = new OtlpReceiver();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
            server.createContext("/v1/traces", receiver::handle);
            // Daemon threads: the receiver never keeps the test JVM alive.
            server.setExecutor(
                    Executors.newSingleThreadExecutor(
                            r -> {
                                Thread t = new Thread(r, "otlp-receiver");
                                t.setDaemon(true);
                                return t;
                            }));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen for OTLP on " + PORT, e);
        }
        running = receiver;
        return receiver;
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void handle(HttpExchange exchange) throws IOException {
        ExportTraceServiceRequest export =
                ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
        for (ResourceSpans resource : export.getResourceSpansList()) {
            String service = text(resource.getResource().getAttributesList()).get("service.name");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(
                            new ReceivedSpan(
                                    service,
                                    span.getName(),
                                    HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                    HexFormat.of().formatHex(span.getParentSpanId().toByteArray()),
                                    text(span.getAttributesList())));
                }
            }
        }
        byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
        }
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            AnyValue value = attribute.getValue();
            values.put(
                    attribute.getKey(),
                    switch (value.getValueCase()) {
                        case STRING_VALUE -> value.getStringValue();
                        case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                        case INT_VALUE -> Long.toString(value.getIntValue());
                        case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                        default -> value.toString();
                    });
        }
        return values;
    }
}
