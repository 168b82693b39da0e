package dcl.registry.adapters.rest.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.MappingId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmitRequestTest {
    private static final String ID = "6f1c2b8e-0d3a-4c5e-9f7a-1b2c3d4e5f60";

    private static List<String> fields(InvalidInput invalid) {
        return invalid.violations().stream().map(InvalidInput.Violation::field).toList();
    }

    @Test
    void givenAProposalIdAndNoReason_whenParsed_thenTheProposalIsSubmittedForReview() {
        SubmitRequest.Submission submission = new SubmitRequest(ID, null, null).toSubmission();

        assertEquals(Optional.of(UUID.fromString(ID)), submission.proposal());
        assertEquals(Optional.empty(), submission.mapping());
        assertEquals("submitted for review", submission.reason());
    }

    @Test
    void givenAMappingIdAndAReason_whenParsed_thenTheMappingIsSubmittedWithIt() {
        SubmitRequest.Submission submission =
                new SubmitRequest(null, ID, "the field was renamed").toSubmission();

        assertEquals(Optional.of(MappingId.parse(ID)), submission.mapping());
        assertEquals(Optional.empty(), submission.proposal());
        assertEquals("the field was renamed", submission.reason());
    }

    @Test
    void givenBothIdsOrNeither_whenParsed_thenTheBodyIsReported() {
        assertEquals(
                List.of("body"),
                fields(
                        assertThrows(
                                InvalidInput.class,
                                () -> new SubmitRequest(ID, ID, "r").toSubmission())));
        assertEquals(
                List.of("body"),
                fields(
                        assertThrows(
                                InvalidInput.class,
                                () -> new SubmitRequest(null, null, "r").toSubmission())));
    }

    @Test
    void givenAProposalIdThatIsNotAUuid_whenParsed_thenProposalIdIsReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () -> new SubmitRequest("p-1", null, "r").toSubmission());

        assertEquals(List.of("proposalId"), fields(invalid));
    }
}
