package dcl.registry.adapters.llm.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models this installation can run in process (each a quantized ONNX model
 * inside a Maven jar, 384 dimensions), chosen by {@value #PROPERTY}. Each reads text its own way:
 * what {@link #text} adds is part of the model, so the {@link #label() name} stored with every
 * vector covers it too.
 */
public enum LocalEmbeddingModel {
    /** sentence-transformers/all-MiniLM-L6-v2: plain text. */
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q",
            "",
            AllMiniLmL6V2QuantizedEmbeddingModel.class,
            "all-minilm-l6-v2-q",
            PoolingMode.MEAN),
    /**
     * BAAI/bge-small-en-v1.5: plain text for a symmetric comparison (its query instruction is for
     * short queries against long passages, which ours are not).
     */
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v15-q",
            "",
            BgeSmallEnV15QuantizedEmbeddingModel.class,
            "bge-small-en-v1.5-q",
            PoolingMode.CLS),
    /**
     * intfloat/e5-small-v2: trained with a prefix on every text; a symmetric comparison puts
     * "query: " on both sides.
     */
    E5_SMALL_V2_Q(
            "e5-small-v2-q",
            "query: ",
            E5SmallV2QuantizedEmbeddingModel.class,
            "e5-small-v2-q",
            PoolingMode.MEAN);

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
    private final Class<?> packaged;
    private final String file;
    private final PoolingMode pooling;

    /**
     * {@code packaged} is the LangChain4j class whose jar holds the model as {@code file}.onnx and
     * its tokenizer as {@code file}-tokenizer.json, read with its {@code pooling} (as that class
     * reads them).
     */
    LocalEmbeddingModel(
            String label, String prefix, Class<?> packaged, String file, PoolingMode pooling) {
        this.label = label;
        this.prefix = prefix;
        this.packaged = packaged;
        this.file = file;
        this.pooling = pooling;
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
     * Loads the model from its jar (the first time, seconds and tens of megabytes; the other
     * models' jars are never read) into an ONNX Runtime session that computes each text on one
     * thread without spinning while idle: a proposal's few short texts are embedded side by side on
     * {@code sideBySide}, one per core, which on two cores took 11 ms where one after another, each
     * spread over both cores, took 16-22 ms (docs/intelligence.md, "Accuracy and speed").
     */
    EmbeddingModel load(Executor sideBySide) {
        try (InputStream onnx = resource(file + ".onnx");
                InputStream tokenizer = resource(file + "-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new InProcess(
                    new OnnxBertBiEncoder(environment, session, tokenizer, pooling), sideBySide);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("embedding model " + label + " could not be loaded", e);
        }
    }

    private InputStream resource(String name) throws IOException {
        InputStream in = packaged.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the jar of " + packaged.getName());
        }
        return in;
    }

    /** A loaded model: LangChain4j embeds several texts at once on the given executor. */
    private static final class InProcess extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcess(OnnxBertBiEncoder encoder, Executor sideBySide) {
            super(sideBySide);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
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
