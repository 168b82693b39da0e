package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.port.out.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The configured {@link LocalEmbeddingModel} on ONNX Runtime, in this process: the models ship
 * inside Maven artifacts, so embeddings need no network and no key. Their classes come from the
 * server's global library (not the WAR), because ONNX Runtime's native code may be loaded once per
 * JVM while the application can be redeployed many times. The model is loaded on the first text,
 * and each text is given the model's own convention (e5's "query: ") before it is embedded.
 */
@ApplicationScoped
public class OnnxTextEmbedder implements TextEmbedder {
    static final String EMBEDDING_SPAN = "dcl.embedding";
    private final LocalEmbeddingModel choice;
    private final Tracer tracer;
    private volatile EmbeddingModel model;

    /** For the container's client proxy only. */
    protected OnnxTextEmbedder() {
        this(LocalEmbeddingModel.DEFAULT);
    }

    /** Outside a server (benchmarks): no tracing. */
    public OnnxTextEmbedder(LocalEmbeddingModel choice) {
        this(choice, (Tracer) null);
    }

    @Inject
    public OnnxTextEmbedder(LocalEmbeddingModel choice, Tracer tracer) {
        this.choice = choice;
        this.tracer = tracer;
    }

    /** With the model already loaded (tests). */
    OnnxTextEmbedder(LocalEmbeddingModel choice, EmbeddingModel model) {
        this(choice, (Tracer) null);
        this.model = model;
    }

    @Override
    public String model() {
        return choice.label();
    }

    @Override
    @SuppressWarnings("try") // the scope is only closed: it makes the span current while it is open
    public float[] embed(String text) {
        String read = choice.text(text);
        // A child span only inside a traced request: the index's rebuilds embed thousands of texts
        // outside any request, and a root trace for each would drown the collector.
        if (tracer == null || !Span.current().getSpanContext().isValid()) {
            return loaded().embed(read).content().vector();
        }
        Span span = tracer.spanBuilder(EMBEDDING_SPAN).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return loaded().embed(read).content().vector();
        } finally {
            span.end();
        }
    }

    /** The model, loaded the first time it is needed. */
    EmbeddingModel loaded() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = choice.load();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
