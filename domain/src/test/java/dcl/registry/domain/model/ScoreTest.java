package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.ConfidenceWeights;
import dcl.registry.domain.intelligence.ValidationResults;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreTest {
    @Test
    void givenTheEndsOfTheScale_whenRequired_thenTheyAreScores() {
        assertEquals(0.0, Score.require("s", 0.0));
        assertEquals(1.0, Score.require("s", 1.0));
    }

    @Test
    void givenValuesOffTheScale_whenRequired_thenTheViolationNamesTheField() {
        for (double off : new double[] {-0.001, 1.001, Double.NaN}) {
            InvalidInput refused =
                    assertThrows(InvalidInput.class, () -> Score.require("successRate", off));
            assertEquals(
                    List.of(new InvalidInput.Violation("successRate", "must be between 0 and 1")),
                    refused.violations(),
                    Double.toString(off));
        }
    }

    @Test
    void givenEveryKindOfScore_whenOffTheScale_thenEachIsRefusedTheSameWay() {
        assertEquals(
                "confidence: must be between 0 and 1",
                assertThrows(InvalidInput.class, () -> new Confidence(1.5)).getMessage());
        assertEquals(
                "validationResults.ragSimilarity: must be between 0 and 1",
                assertThrows(
                                InvalidInput.class,
                                () ->
                                        new ValidationResults(
                                                Optional.empty(),
                                                Optional.of(Double.NaN),
                                                Optional.empty()))
                        .getMessage());
        assertEquals(
                "dcl.confidence.weight.humanApproval: must be between 0 and 1",
                assertThrows(
                                InvalidInput.class,
                                () -> new ConfidenceWeights(0.2, 0.15, 0.3, -0.25, 0.6))
                        .getMessage());
    }
}
