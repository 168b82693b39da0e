package dcl.registry.domain.approval;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored mapping proposal: the field, the best target and its score, who asked and when, its
 * evidence (the stored JSON of candidates, similar mappings, prompt version and fallbacks, passed
 * through as text), and whether the strategy abstained (then {@code target} is only the nearest
 * candidate, not a proposal).
 */
public record StoredProposal(
        UUID id,
        SourceRef source,
        CanonicalField target,
        double confidence,
        String strategy,
        Instant createdAt,
        String createdBy,
        String evidence,
        boolean abstained) {}
