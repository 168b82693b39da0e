package dcl.registry.adapters.rest.review;

import dcl.registry.adapters.rest.Uuids;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.MappingId;
import java.util.Optional;
import java.util.UUID;

/**
 * Body of {@code POST /dcl/approvals/submit}: one of {@code proposalId} or {@code mappingId}, and
 * why.
 */
public record SubmitRequest(String proposalId, String mappingId, String reason) {
    static final String EXACTLY_ONE = "give exactly one of proposalId or mappingId, and a reason";

    /** What to queue for review: a proposal or a mapping (exactly one), and why. */
    record Submission(Optional<UUID> proposal, Optional<MappingId> mapping, String reason) {}

    Submission toSubmission() {
        if ((proposalId == null) == (mappingId == null)) {
            throw new InvalidInput("body", EXACTLY_ONE);
        }
        String why = FreeText.optional("reason", reason).orElse("submitted for review");
        return proposalId != null
                ? new Submission(
                        Optional.of(Uuids.parse("proposalId", proposalId)), Optional.empty(), why)
                : new Submission(Optional.empty(), Optional.of(MappingId.parse(mappingId)), why);
    }
}
