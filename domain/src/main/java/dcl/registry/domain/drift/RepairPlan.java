package dcl.registry.domain.drift;

import dcl.registry.domain.model.MappingId;
import java.util.List;
import java.util.Optional;

/**
 * The ranked repair proposals for a drift (best first, each queued for approval), what they would
 * touch, and the mappings now NEEDS_REVIEW (still served until a reviewer decides).
 */
public record RepairPlan(
        List<SchemaChange> changes,
        List<RepairProposal> proposals,
        EstimatedImpact impact,
        List<MappingId> markedForReview) {
    public RepairPlan {
        changes = List.copyOf(changes);
        proposals = List.copyOf(proposals);
        markedForReview = List.copyOf(markedForReview);
    }

    public Optional<RepairProposal> recommended() {
        return proposals.stream().findFirst();
    }
}
