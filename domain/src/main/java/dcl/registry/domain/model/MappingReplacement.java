package dcl.registry.domain.model;

import java.util.Optional;

/**
 * The new content of an existing mapping, whole (what a PUT body or a patched representation says):
 * its target, transform (empty: copy as is) and confidence, the identity it restates (which must be
 * the stored one) and why, for the audit trail.
 */
public record MappingReplacement(
        StatedIdentity identity,
        CanonicalField target,
        Optional<Transform> transform,
        Confidence confidence,
        Optional<String> reason) {

    public MappingReplacement {
        if (identity == null
                || target == null
                || transform == null
                || confidence == null
                || reason == null) {
            throw new IllegalArgumentException(
                    "identity, target, transform, confidence and reason are required");
        }
    }

    /** Only the changeable content, no identity restated. */
    public static MappingReplacement of(
            CanonicalField target,
            Optional<Transform> transform,
            Confidence confidence,
            Optional<String> reason) {
        return new MappingReplacement(StatedIdentity.NONE, target, transform, confidence, reason);
    }

    /**
     * Whether this replacement leaves the mapping's content as it is (its identity checked first):
     * then nothing is stored, versioned or audited.
     */
    public boolean keeps(FieldMapping current) {
        identity.requireSameAs(current);
        return target.equals(current.target())
                && transform.equals(current.transform())
                && confidence.equals(current.confidence());
    }
}
