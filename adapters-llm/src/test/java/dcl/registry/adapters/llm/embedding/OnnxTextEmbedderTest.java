package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxTextEmbedderTest {
    /** Records what the model was given to read. */
    private static final class Recording implements EmbeddingModel {
        final List<String> read = new ArrayList<>();

        @Override
        public Response<Embedding> embed(String text) {
            read.add(text);
            return Response.from(Embedding.from(new float[] {1, 0, 0}));
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> embed(s.text()).content()).toList());
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

    /** What LangChain4j's own class for each model embeds (its session, its pooling). */
    private static EmbeddingModel packaged(LocalEmbeddingModel choice) {
        return switch (choice) {
            case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case E5_SMALL_V2_Q -> new E5SmallV2QuantizedEmbeddingModel();
        };
    }

    @Test
    void givenTextsWithoutWords_whenEmbedded_thenAllZerosBesideTheOthersAndTheModelNeverAsked() {
        Recording model = new Recording();
        OnnxTextEmbedder embedder =
                new OnnxTextEmbedder(LocalEmbeddingModel.ALL_MINILM_L6_V2_Q, model);

        List<float[]> vectors = embedder.embedAll(List.of("deal amount", "", " ", "owner"));

        assertArrayEquals(new float[] {1, 0, 0}, vectors.get(0));
        assertArrayEquals(new float[3], vectors.get(1), "as many zeros as the model's dimensions");
        assertArrayEquals(new float[3], vectors.get(2));
        assertArrayEquals(new float[] {1, 0, 0}, vectors.get(3));
        assertArrayEquals(new float[3], embedder.embed(""));
        assertEquals(List.of("deal amount", "owner"), model.read.subList(0, 2));
        assertEquals(
                List.of(),
                model.read.stream().filter(String::isBlank).toList(),
                "a blank text never reaches the model, which refuses it");
    }

    @Test
    void givenARealModel_whenAFieldWithoutWordsIsEmbedded_thenNoFailure() {
        LocalEmbeddingModel choice = LocalEmbeddingModel.ALL_MINILM_L6_V2_Q;
        OnnxTextEmbedder embedder = new OnnxTextEmbedder(choice, choice.load(Runnable::run));
        assertEquals(384, embedder.embedAll(List.of("", "owner")).get(0).length);
    }

    @ParameterizedTest
    @EnumSource(LocalEmbeddingModel.class)
    void givenEachModel_whenLoadedForSideBySideTexts_thenItEmbedsAsItsOwnPackageDoes(
            LocalEmbeddingModel choice) {
        OnnxTextEmbedder embedder = new OnnxTextEmbedder(choice, choice.load(Runnable::run));
        EmbeddingModel reference = packaged(choice);
        List<String> texts = List.of("deals amount", "close date: when the deal was won", "owner");

        List<float[]> together = embedder.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(choice.text(texts.get(i))).content().vector();
            assertArrayEquals(expected, together.get(i), 1e-4f, texts.get(i) + " side by side");
            assertArrayEquals(expected, embedder.embed(texts.get(i)), 1e-4f, texts.get(i));
        }
    }
}
