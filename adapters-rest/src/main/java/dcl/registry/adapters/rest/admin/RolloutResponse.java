package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.rollout.RolloutSettings;

/**
 * A tenant's rollout settings; {@code servedBy} is the source answering its runtime now (for a
 * tenant following the plan, where the plan's stage in force places it).
 */
public record RolloutResponse(
        String sourceOfTruth,
        String servedBy,
        String legacyPath,
        boolean dualRead,
        String updatedAt,
        String updatedBy) {
    static RolloutResponse from(RolloutSettings s) {
        return new RolloutResponse(
                s.sourceOfTruth().wireName(),
                s.servedBy().wireName(),
                s.legacyPath().orElse(null),
                s.dualRead(),
                s.updatedAt().map(Object::toString).orElse(null),
                s.updatedBy().orElse(null));
    }
}
