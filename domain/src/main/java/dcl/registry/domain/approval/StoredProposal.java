package dcl.registry.domain.approval;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import java.util.UUID;

/** A stored mapping proposal, as the approval queue needs it: the field, the best target and its score. */
public record StoredProposal(UUID id, SourceRef source, CanonicalField target, double confidence, String strategy) {}
