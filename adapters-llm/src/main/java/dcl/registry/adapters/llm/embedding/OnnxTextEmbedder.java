package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.port.out.TextEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The configured {@link LocalEmbeddingModel} on ONNX Runtime, in this process: the models ship
 * inside Maven artifacts, so embeddings need no network and no key. Their classes come from the
 * server's global library (not the WAR), because ONNX Runtime's native code may be loaded once per
 * JVM while the application can be redeployed many times. The model is loaded on the first text,
 * and each text is given the model's own convention (e5's "query: ") before it is embedded. Several
 * texts at once are embedded side by side on the server's managed executor.
 */
@ApplicationScoped
public class OnnxTextEmbedder implements TextEmbedder {
    static final String EMBEDDING_SPAN = "dcl.embedding";
    private final LocalEmbeddingModel choice;
    private final Tracer tracer;
    private volatile EmbeddingModel model;

    /** The server's; outside a server (benchmarks) the common pool. */
    @Resource ManagedExecutorService sideBySide;

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

    /**
     * A text without words (a field named {@code x} or {@code 名前} keeps none once split and folded,
     * and a canonical field may have no description) means nothing: its vector is all zeros, alike
     * to no other text. The models refuse blank text, and a name is the caller's input.
     */
    @Override
    public float[] embed(String text) {
        if (text.isBlank()) {
            return new float[loaded().dimension()];
        }
        return traced(() -> loaded().embed(choice.text(text)).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.size() < 2) {
            return texts.stream().map(this::embed).toList();
        }
        List<String> worded = texts.stream().filter(t -> !t.isBlank()).toList();
        if (worded.size() < texts.size()) {
            Iterator<float[]> vectors = embedAll(worded).iterator();
            return texts.stream().map(t -> t.isBlank() ? embed(t) : vectors.next()).toList();
        }
        List<TextSegment> read = texts.stream().map(t -> TextSegment.from(choice.text(t))).toList();
        return traced(
                () -> loaded().embedAll(read).content().stream().map(Embedding::vector).toList());
    }

    @SuppressWarnings("try") // the scope is only closed: it makes the span current while it is open
    private <T> T traced(Supplier<T> embedding) {
        // A child span only inside a traced request: the index's rebuilds embed thousands of texts
        // outside any request, and a root trace for each would drown the collector.
        if (tracer == null || !Span.current().getSpanContext().isValid()) {
            return embedding.get();
        }
        Span span = tracer.spanBuilder(EMBEDDING_SPAN).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return embedding.get();
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
                    model =
                            choice.load(
                                    sideBySide != null ? sideBySide : ForkJoinPool.commonPool());
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
