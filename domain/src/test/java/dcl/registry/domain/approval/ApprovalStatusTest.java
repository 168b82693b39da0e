package dcl.registry.domain.approval;

import static dcl.registry.domain.approval.ApprovalStatus.APPROVED;
import static dcl.registry.domain.approval.ApprovalStatus.PROPOSED;
import static dcl.registry.domain.approval.ApprovalStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.IllegalTransition;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApprovalStatusTest {
    @Test
    void givenEveryPairOfStatuses_whenAsked_thenOnlyTheReviewStepsAreAllowed() {
        Set<String> allowed =
                Stream.of(ApprovalStatus.values())
                        .flatMap(
                                from ->
                                        Stream.of(ApprovalStatus.values())
                                                .filter(from::allows)
                                                .map(to -> from + ">" + to))
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of("PROPOSED>APPROVED", "PROPOSED>REJECTED", "REJECTED>PROPOSED"), allowed);
    }

    @Test
    void givenAnApprovedApproval_whenAskedWhatFollows_thenNothing() {
        assertEquals(EnumSet.noneOf(ApprovalStatus.class), APPROVED.next());
    }

    @Test
    void givenAStepThatIsNotAllowed_whenRequired_thenTheErrorNamesWhatIsAllowed() {
        IllegalTransition refused =
                assertThrows(
                        IllegalTransition.class, () -> PROPOSED.require("approval a-1", PROPOSED));
        assertEquals(
                "approval a-1 is PROPOSED and cannot become PROPOSED; from PROPOSED it may become"
                        + " [APPROVED, REJECTED]",
                refused.getMessage());
        assertEquals(
                "approval a-1 is APPROVED and cannot become PROPOSED (nothing follows APPROVED)",
                assertThrows(
                                IllegalTransition.class,
                                () -> APPROVED.require("approval a-1", PROPOSED))
                        .getMessage());
    }

    @Test
    void givenEachStatus_whenSpelledForTheApi_thenLowerCase() {
        assertEquals("proposed", PROPOSED.wireName());
        assertEquals("approved", APPROVED.wireName());
        assertEquals("rejected", REJECTED.wireName());
    }
}
