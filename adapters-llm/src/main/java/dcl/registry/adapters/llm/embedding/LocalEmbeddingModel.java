package dcl.registry.adapters.llm.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models this installation can run in process (each a quantized ONNX model
 * inside a Maven jar, 384 dimensions), chosen by {@value #PROPERTY}. Each reads text its own way:
 * what {@link #text} adds is part of the model, so the {@link #label() name} stored with every
 * vector covers it too.
 */
public enum LocalEmbeddingModel {
    /** sentence-transformers/all-MiniLM-L6-v2: plain text. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", ""),
    /**
     * BAAI/bge-small-en-v1.5: plain text for a symmetric comparison (its query instruction is for
     * short queries against long passages, which ours are not).
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", ""),
    /**
     * intfloat/e5-small-v2: trained with a prefix on every text; a symmetric comparison puts
     * "query: " on both sides.
     */
    E5_SMALL_V2_Q("e5-small-v2-q", "query: ");

    public static final String PROPERTY = "dcl.intelligence.embedding.model";

    /**
     * all-MiniLM: e5 ranks canonical fields slightly better on the development set, but its
     * similarities crowd into 0.8-1.0, where the product's absolute thresholds (set on all-MiniLM)
     * turn wrong look-alikes into answers; it also takes twice the time per text
     * (docs/intelligence.md, "Embedding models compared").
     */
    public static final LocalEmbeddingModel DEFAULT = ALL_MINILM_L6_V2_Q;

    private final String label;
    private final String prefix;

    LocalEmbeddingModel(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    /** The name stored with every vector (and in every decision's configuration snapshot). */
    public String label() {
        return label;
    }

    /** The text as this model expects to read it. */
    public String text(String text) {
        return prefix + text;
    }

    /**
     * Loads the model: the first time, its class reads the ONNX file and the tokenizer from its jar
     * (seconds, tens of megabytes); the classes are only touched here, so the other models' jars
     * are never read.
     */
    EmbeddingModel load() {
        return switch (this) {
            case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case E5_SMALL_V2_Q -> new E5SmallV2QuantizedEmbeddingModel();
        };
    }

    /** The model a configured name stands for (case and surrounding blanks ignored). */
    public static Optional<LocalEmbeddingModel> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values())
                .map(LocalEmbeddingModel::label)
                .collect(Collectors.joining(", "));
    }
}
