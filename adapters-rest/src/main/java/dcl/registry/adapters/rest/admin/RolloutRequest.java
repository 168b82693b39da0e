package dcl.registry.adapters.rest.admin;

/** Body of {@code PUT /dcl/admin/rollout}. */
public record RolloutRequest(
        String sourceOfTruth, String legacyPath, Boolean dualRead, String reason) {}
