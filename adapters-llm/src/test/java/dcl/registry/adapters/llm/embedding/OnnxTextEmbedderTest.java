package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnnxTextEmbedderTest {
    /** Records what the model was given to read. */
    private static final class Recording implements EmbeddingModel {
        final List<String> read = new ArrayList<>();

        @Override
        public Response<Embedding> embed(String text) {
            read.add(text);
            return Response.from(Embedding.from(new float[] {1, 0, 0}));
        }
    }

    @Test
    void givenE5_whenATextIsEmbedded_thenTheModelReadsItWithTheQueryPrefix() {
        Recording model = new Recording();
        OnnxTextEmbedder embedder = new OnnxTextEmbedder(LocalEmbeddingModel.E5_SMALL_V2_Q, model);
        embedder.embed("deals amount: the value of the deal");
        embedder.embed("opportunity amount");
        assertEquals(
                List.of("query: deals amount: the value of the deal", "query: opportunity amount"),
                model.read,
                "e5 compares symmetric texts with \"query: \" on both sides");
        assertEquals("e5-small-v2-q", embedder.model());
    }

    @Test
    void givenMiniLmOrBge_whenATextIsEmbedded_thenTheModelReadsItAsIs() {
        for (LocalEmbeddingModel plain :
                List.of(
                        LocalEmbeddingModel.ALL_MINILM_L6_V2_Q,
                        LocalEmbeddingModel.BGE_SMALL_EN_V15_Q)) {
            Recording model = new Recording();
            new OnnxTextEmbedder(plain, model).embed("deals amount");
            assertEquals(List.of("deals amount"), model.read, plain.label());
        }
    }

    @Test
    void givenTheConfiguredNames_whenParsed_thenEachModelAndNothingElse() {
        for (LocalEmbeddingModel m : LocalEmbeddingModel.values()) {
            assertEquals(
                    Optional.of(m),
                    LocalEmbeddingModel.parse(" " + m.label().toUpperCase(Locale.ROOT) + " "));
        }
        assertEquals(Optional.empty(), LocalEmbeddingModel.parse("all-minilm-l6-v2"));
        assertEquals(Optional.empty(), LocalEmbeddingModel.parse(null));
        assertEquals(
                "all-minilm-l6-v2-q, bge-small-en-v15-q, e5-small-v2-q",
                LocalEmbeddingModel.allowed());
    }
}
