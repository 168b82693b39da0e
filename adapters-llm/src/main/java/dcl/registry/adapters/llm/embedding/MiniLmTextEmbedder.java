package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.port.out.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) on ONNX Runtime, in this process: the model ships
 * inside a Maven artifact, so embeddings need no network and no key. Its classes come from the
 * server's global library (not the WAR), because ONNX Runtime's native code may be loaded once per
 * JVM while the application can be redeployed many times.
 */
@ApplicationScoped
public class MiniLmTextEmbedder implements TextEmbedder {
    public static final String MODEL = "all-minilm-l6-v2-q";
    private volatile EmbeddingModel model;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return loaded().embed(text).content().vector();
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
