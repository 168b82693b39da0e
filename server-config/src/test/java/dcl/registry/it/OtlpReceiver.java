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
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local OTLP/HTTP trace receiver (POST /v1/traces, protobuf), standing in for the operator's
 * collector: it decodes every export with the protocol's generated classes and keeps the spans.
 */
final class OtlpReceiver implements AutoCloseable {
    static final int PORT = Integer.getInteger("dcl.it.otlp.port", 19317);

    /** One received span: its name, its service and its attributes as strings. */
    record ReceivedSpan(String service, String name, Map<String, String> attributes) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/v1/traces", this::handle);
        server.start();
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
                                    service, span.getName(), text(span.getAttributesList())));
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

    @Override
    public void close() {
        server.stop(0);
    }
}
