package dcl.registry.domain.drift;

import dcl.registry.domain.model.FieldMapping;
import java.util.Optional;
import java.util.UUID;

/**
 * A repair before it is queued: the proposal, the stored proposal it came from (a new field's), and
 * the served mapping it puts under review.
 */
public record RepairDraft(
        RepairProposal proposal, Optional<UUID> proposalId, Optional<FieldMapping> review) {}
