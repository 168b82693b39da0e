package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.adapters.llm.embedding.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntelligenceSettingsTest {
    @Test
    void givenNoEmbeddingModelConfigured_whenRead_thenTheDefault() {
        assertEquals(
                LocalEmbeddingModel.DEFAULT, IntelligenceSettings.embeddingModel(Optional.empty()));
    }

    @Test
    void givenEachModelsName_whenRead_thenThatModel() {
        for (LocalEmbeddingModel model : LocalEmbeddingModel.values()) {
            assertEquals(
                    model, IntelligenceSettings.embeddingModel(Optional.of(" " + model.label())));
        }
    }

    @Test
    void givenAnUnknownEmbeddingModel_whenChecked_thenTheDeploymentStopsNamingTheAllowedValues() {
        for (String unknown : new String[] {"gte-small", "all-minilm-l6-v2", "e5", ""}) {
            List<String> problems = new ArrayList<>();
            Optional<LocalEmbeddingModel> read =
                    IntelligenceSettings.check(
                            problems,
                            () -> IntelligenceSettings.embeddingModel(Optional.of(unknown)));
            assertEquals(Optional.empty(), read, unknown);
            assertEquals(
                    List.of(
                            "dcl.intelligence.embedding.model="
                                    + unknown
                                    + " is not an embedding model; allowed: all-minilm-l6-v2-q,"
                                    + " bge-small-en-v15-q, e5-small-v2-q"),
                    problems);
            assertEquals(
                    "Invalid configuration: dcl.intelligence.embedding.model="
                            + unknown
                            + " is not an embedding model; allowed: all-minilm-l6-v2-q,"
                            + " bge-small-en-v15-q, e5-small-v2-q",
                    IntelligenceSettings.invalid(problems.get(0)).getMessage());
        }
    }
}
