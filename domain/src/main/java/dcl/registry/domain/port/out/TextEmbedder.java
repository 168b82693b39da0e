package dcl.registry.domain.port.out;

/** A sentence-embedding model running in this process (no network). */
public interface TextEmbedder {
    /**
     * The model's name; stored with every vector so that vectors of another model are never
     * compared.
     */
    String model();

    float[] embed(String text);
}
