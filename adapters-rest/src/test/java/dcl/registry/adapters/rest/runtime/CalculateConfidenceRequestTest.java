package dcl.registry.adapters.rest.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.ValidationResults;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalculateConfidenceRequestTest {
    @Test
    void givenNoValidationResults_whenParsed_thenRefusedNamingThem() {
        InvalidInput missing =
                assertThrows(
                        InvalidInput.class,
                        () -> new CalculateConfidenceRequest("id", null).toValidationResults());
        assertEquals("validationResults", missing.violations().get(0).field());
    }

    @Test
    void givenEmptyValidationResults_whenParsed_thenNothingIsObserved() {
        assertEquals(
                new ValidationResults(Optional.empty(), Optional.empty(), Optional.empty()),
                new CalculateConfidenceRequest(
                                "id", new CalculateConfidenceRequest.Observations(null, null, null))
                        .toValidationResults());
    }

    @Test
    void givenSomeValidationResults_whenParsed_thenExactlyThoseAreObserved() {
        CalculateConfidenceRequest request =
                new CalculateConfidenceRequest(
                        "id", new CalculateConfidenceRequest.Observations(0.9, null, 0.5));

        assertEquals(
                new ValidationResults(Optional.of(0.9), Optional.empty(), Optional.of(0.5)),
                request.toValidationResults());
    }
}
