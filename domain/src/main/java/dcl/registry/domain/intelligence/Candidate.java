package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;

/** A canonical field a strategy proposes, with its score in [0, 1] and why. */
public record Candidate(CanonicalField target, double score, String reasoning) {}
