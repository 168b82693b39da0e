package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleValuesTest {
    @Test
    void givenNoSamples_whenChecked_thenThereAreNone() {
        assertEquals(List.of(), SampleValues.of("sampleValues", null));
    }

    @Test
    void givenSamplesWithNulls_whenChecked_thenTheNullsAreDropped() {
        List<String> given = new ArrayList<>(List.of("12.50", "7"));
        given.add(1, null);
        assertEquals(List.of("12.50", "7"), SampleValues.of("sampleValues", given));
    }

    @Test
    void givenOneSampleMoreThanAllowed_whenChecked_thenTheViolationNamesTheField() {
        assertEquals(
                SampleValues.MAX,
                SampleValues.of("samples", Collections.nCopies(SampleValues.MAX, "x")).size());
        InvalidInput tooMany =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                SampleValues.of(
                                        "observedFields[0].samples",
                                        Collections.nCopies(SampleValues.MAX + 1, "x")));
        assertEquals(
                List.of(
                        new InvalidInput.Violation(
                                "observedFields[0].samples", "at most 100 samples")),
                tooMany.violations());
    }

    @Test
    void givenOneSampleLongerThanAllowed_whenChecked_thenTheViolationNamesItsIndex() {
        String longest = "v".repeat(SampleValues.MAX_LENGTH);
        assertEquals(List.of(longest), SampleValues.of("sampleValues", List.of(longest)));
        InvalidInput tooLong =
                assertThrows(
                        InvalidInput.class,
                        () -> SampleValues.of("sampleValues", List.of("ok", longest + "v")));
        assertEquals("sampleValues[1]", tooLong.violations().get(0).field());
    }
}
