package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The serving answer and the candidate's for one live proposal. They agree at top-1 when both put
 * the same canonical field first, at top-3 when the serving answer's first is among the candidate's
 * first three. A candidate that could not answer agrees with nothing.
 *
 * @param servingVersion the version of the configuration that served: a shadow counts only
 *     comparisons with the configuration serving now
 */
public record ShadowComparison(
        TenantId tenant,
        Instant at,
        SourceRef source,
        String serving,
        long servingVersion,
        CanonicalField servingTarget,
        String candidate,
        List<CanonicalField> candidateTargets,
        Optional<String> candidateFailure) {

    public ShadowComparison {
        candidateTargets = List.copyOf(candidateTargets);
    }

    public static ShadowComparison of(
            TenantId tenant,
            Instant at,
            SourceRef source,
            String serving,
            long servingVersion,
            CanonicalField servingTarget,
            String candidate,
            List<Candidate> candidates) {
        return new ShadowComparison(
                tenant,
                at,
                source,
                serving,
                servingVersion,
                servingTarget,
                candidate,
                candidates.stream().limit(3).map(Candidate::target).toList(),
                Optional.empty());
    }

    public boolean agreesTop1() {
        return !candidateTargets.isEmpty() && candidateTargets.get(0).equals(servingTarget);
    }

    public boolean agreesTop3() {
        return candidateTargets.contains(servingTarget);
    }
}
