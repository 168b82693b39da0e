package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.error.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionParametersTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static List<String> fields(InvalidInput invalid) {
        return invalid.violations().stream().map(InvalidInput.Violation::field).toList();
    }

    @Test
    void givenEveryParameter_thenTheQueryHoldsThem() {
        DecisionQuery q =
                DecisionParameters.query(
                        "2026-11-25T00:00:00Z", "2026-11-26T00:00:00Z", " rag ", "TRUE");
        assertEquals(Optional.of(Instant.parse("2026-11-25T00:00:00Z")), q.from());
        assertEquals(Optional.of("rag"), q.strategy());
        assertEquals(Optional.of(true), q.violation());
    }

    @Test
    void givenSeveralBrokenParameters_thenEachIsNamed() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                DecisionParameters.query(
                                        "yesterday",
                                        "+999999999-12-31T00:00:00Z",
                                        "gpt\u0000",
                                        "maybe"));
        assertEquals(List.of("from", "to", "violation", "strategy"), fields(invalid));
    }

    @Test
    void givenNoPeriod_thenTheReportCoversTheLastDay_andAYearAtMost() {
        assertEquals(
                new DecisionParameters.Period(NOW.minusSeconds(86_400), NOW),
                DecisionParameters.period(null, null, NOW));
        assertEquals(
                List.of("from"),
                fields(
                        assertThrows(
                                InvalidInput.class,
                                () ->
                                        DecisionParameters.period(
                                                "2020-01-01T00:00:00Z", null, NOW))));
        assertEquals(
                List.of("to"),
                fields(
                        assertThrows(
                                InvalidInput.class,
                                () ->
                                        DecisionParameters.period(
                                                "2026-11-26T00:00:00Z",
                                                "2026-11-25T00:00:00Z",
                                                NOW))));
    }
}
