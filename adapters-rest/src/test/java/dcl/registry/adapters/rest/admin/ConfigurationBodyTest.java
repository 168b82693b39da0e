package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ConfigurationBodyTest {
    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader("[" + text + "]"))) {
            return reader.readArray().get(0);
        }
    }

    private static String field(String text) {
        return assertThrows(
                        InvalidInput.class,
                        () -> ConfigurationBody.parse("candidate", json(text), 0.9))
                .violations()
                .get(0)
                .field();
    }

    @Test
    void givenANameOrAnObject_thenTheConfiguration_withTheInstallationsThresholdByDefault() {
        assertEquals(
                new StrategyConfiguration(StrategyName.RAG, 0.9),
                ConfigurationBody.parse("candidate", json("\"RAG\""), 0.9));
        assertEquals(
                new StrategyConfiguration(StrategyName.MIXED, 0.8),
                ConfigurationBody.parse(
                        "candidate",
                        json("{\"strategy\":\"mixed\",\"mixedRagThreshold\":0.8}"),
                        0.9));
        assertEquals(
                new StrategyConfiguration(StrategyName.MIXED, 0.9),
                ConfigurationBody.parse("candidate", json("{\"strategy\":\"mixed\"}"), 0.9));
    }

    @Test
    void givenWhatIsNotAConfiguration_thenTheBrokenMemberIsNamed() {
        assertEquals("candidate", field("null"));
        assertEquals("candidate", field("5"));
        assertEquals("candidate.strategy", field("\"gpt\""));
        assertEquals("candidate.strategy", field("{}"));
        assertEquals(
                "candidate.mixedRagThreshold",
                field("{\"strategy\":\"mixed\",\"mixedRagThreshold\":\"high\"}"));
        assertEquals(
                "candidate.mixedRagThreshold",
                field("{\"strategy\":\"mixed\",\"mixedRagThreshold\":1.5}"));
        assertEquals(
                "candidate.strategy", field("{\"strategy\":\"gpt\",\"mixedRagThreshold\":0.8}"));
        assertEquals(
                "candidate.mixedRagThreshold",
                field("{\"strategy\":\"mixed\",\"mixedRagThreshold\":0.855}"));
        assertEquals("candidate.temperature", field("{\"strategy\":\"mixed\",\"temperature\":1}"));
    }
}
