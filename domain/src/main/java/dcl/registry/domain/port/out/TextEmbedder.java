package dcl.registry.domain.port.out;

/** A sentence-embedding model running in this process (no network). */
public interface TextEmbedder {
    /**
     * The model's name; stored with every vector so that vectors of another model are never
     * compared.
     */
    String model();

    float[] embed(String text);

    /**
     * The texts' vectors, in their order: side by side where the embedder has cores to spare, else
     * one after another.
     */
    default java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
