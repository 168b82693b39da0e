package dcl.registry.domain.model;

import static dcl.registry.domain.model.MappingStatus.ACTIVE;
import static dcl.registry.domain.model.MappingStatus.APPROVED;
import static dcl.registry.domain.model.MappingStatus.DEPRECATED;
import static dcl.registry.domain.model.MappingStatus.NEEDS_REVIEW;
import static dcl.registry.domain.model.MappingStatus.PROPOSED;
import static dcl.registry.domain.model.MappingStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.IllegalTransition;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {
    /** The lifecycle, written out independently of the implementation's table. */
    private static final Set<String> ALLOWED =
            Set.of(
                    "PROPOSED>APPROVED",
                    "PROPOSED>REJECTED",
                    "APPROVED>ACTIVE",
                    "ACTIVE>NEEDS_REVIEW",
                    "REJECTED>PROPOSED",
                    "NEEDS_REVIEW>ACTIVE",
                    "NEEDS_REVIEW>DEPRECATED");

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(MappingStatus.values())
                .flatMap(
                        from ->
                                Stream.of(MappingStatus.values())
                                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void givenTwoStates_whenTheStepIsAsked_thenOnlyTheLifecyclesStepsAreAllowed(
            MappingStatus from, MappingStatus to) {
        boolean expected = ALLOWED.contains(from + ">" + to);
        assertEquals(expected, Lifecycle.allows(from, to));
        if (expected) {
            assertDoesNotThrow(() -> Lifecycle.require("mapping m", from, to));
        } else {
            IllegalTransition refused =
                    assertThrows(
                            IllegalTransition.class,
                            () -> Lifecycle.require("mapping m", from, to));
            assertTrue(
                    refused.getMessage()
                            .startsWith("mapping m is " + from + " and cannot become " + to),
                    refused.getMessage());
        }
    }

    @Test
    void givenTheLifecycle_whenCounted_thenItHasSevenStepsOutOfThirtySixPairs() {
        long allowed =
                everyPairOfStates()
                        .filter(
                                a ->
                                        Lifecycle.allows(
                                                (MappingStatus) a.get()[0],
                                                (MappingStatus) a.get()[1]))
                        .count();
        assertEquals(7, allowed);
        assertEquals(36, everyPairOfStates().count());
        assertTrue(
                Stream.of(PROPOSED, APPROVED, REJECTED, ACTIVE, NEEDS_REVIEW)
                        .allMatch(s -> !Lifecycle.allows(s, s)));
        assertTrue(
                Stream.of(MappingStatus.values()).noneMatch(s -> Lifecycle.allows(DEPRECATED, s)),
                "nothing follows DEPRECATED");
    }
}
