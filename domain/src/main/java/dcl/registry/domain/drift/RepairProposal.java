package dcl.registry.domain.drift;

import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.ProposedChange;
import java.util.Optional;

/**
 * One proposed repair, its confidence and why; it is in the approval queue under {@code approval}.
 */
public record RepairProposal(
        ProposedChange change, double confidence, String rationale, Optional<ApprovalId> approval) {
    public RepairProposal queued(ApprovalId id) {
        return new RepairProposal(change, confidence, rationale, Optional.of(id));
    }
}
