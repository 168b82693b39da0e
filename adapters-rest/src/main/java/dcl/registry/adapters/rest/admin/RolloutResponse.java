package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.rollout.RolloutSettings;

/** A tenant's rollout settings. */
public record RolloutResponse(
        String sourceOfTruth,
        String legacyPath,
        boolean dualRead,
        String updatedAt,
        String updatedBy) {
    static RolloutResponse from(RolloutSettings s) {
        return new RolloutResponse(
                s.sourceOfTruth().wireName(),
                s.legacyPath().orElse(null),
                s.dualRead(),
                s.updatedAt().map(Object::toString).orElse(null),
                s.updatedBy().orElse(null));
    }
}
