package dcl.registry.adapters.rest.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.ConnectorId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingRequestTest {
    private static List<String> messages(InvalidInput invalid) {
        return invalid.violations().stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void givenNoParametersOrABlankEntity_whenParsed_thenNothingIsFiltered() {
        assertEquals(
                new PendingFilter(Optional.empty(), Optional.empty(), Optional.empty()),
                new PendingRequest(null, " ", null).toFilter());
    }

    @Test
    void givenEveryParameter_whenParsed_thenTheyBecomeTheFilter() {
        assertEquals(
                new PendingFilter(
                        Optional.of(new ConnectorId("hubspot")),
                        Optional.of("deal"),
                        Optional.of(Duration.ofHours(2))),
                new PendingRequest("hubspot", "deal", "PT2H").toFilter());
    }

    @Test
    void givenABlankConnectorAndANegativeAge_whenParsed_thenBothAreReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class, () -> new PendingRequest("", null, "-PT1H").toFilter());

        assertEquals(2, invalid.violations().size(), messages(invalid).toString());
        assertEquals("minAge: must not be negative", messages(invalid).get(1));
    }

    @Test
    void givenAnAgeThatIsNotADuration_whenParsed_thenMinAgeIsReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class, () -> new PendingRequest(null, null, "2h").toFilter());

        assertEquals(
                List.of("minAge: must be an ISO-8601 duration such as PT30M or P2D"),
                messages(invalid));
    }
}
