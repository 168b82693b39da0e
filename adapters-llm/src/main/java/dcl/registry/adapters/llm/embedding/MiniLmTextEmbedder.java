package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.port.out.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) on ONNX Runtime, in this process: the model ships
 * inside a Maven artifact, so embeddings need no network and no key. Its classes come from the
 * server's global library (not the WAR), because ONNX Runtime's native code may be loaded once per
 * JVM while the application can be redeployed many times.
 */
@ApplicationScoped
public class MiniLmTextEmbedder implements TextEmbedder {
    public static final String MODEL = "all-minilm-l6-v2-q";
    static final String EMBEDDING_SPAN = "dcl.embedding";
    private volatile EmbeddingModel model;
    @Inject Tracer tracer;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    @SuppressWarnings("try") // the scope is only closed: it makes the span current while it is open
    public float[] embed(String text) {
        // A child span only inside a traced request: the index's rebuilds embed thousands of texts
        // outside any request, and a root trace for each would drown the collector.
        if (!Span.current().getSpanContext().isValid()) {
            return loaded().embed(text).content().vector();
        }
        Span span = tracer.spanBuilder(EMBEDDING_SPAN).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return loaded().embed(text).content().vector();
        } finally {
            span.end();
        }
    }

    private EmbeddingModel loaded() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
