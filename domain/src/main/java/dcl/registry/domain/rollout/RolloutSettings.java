package dcl.registry.domain.rollout;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.WritesFrozen;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's rollout state: the source of truth, the legacy YAML folder (relative to the jobs root)
 * used when YAML answers or is compared, and whether dual-read is on.
 */
public record RolloutSettings(
        TenantId tenant,
        SourceOfTruth sourceOfTruth,
        Optional<String> legacyPath,
        boolean dualRead,
        Optional<Instant> updatedAt,
        Optional<String> updatedBy) {
    /** The longest legacy folder the store keeps. */
    public static final int MAX_LEGACY_PATH = 1024;

    public RolloutSettings {
        if ((sourceOfTruth == SourceOfTruth.YAML || dualRead)
                && legacyPath.filter(p -> !p.isBlank()).isEmpty()) {
            throw new InvalidInput(
                    "legacyPath",
                    "is required when the source of truth is yaml or dual-read is on");
        }
    }

    /** Every tenant starts on the registry, without dual-read. */
    public static RolloutSettings initial(TenantId tenant) {
        return new RolloutSettings(
                tenant,
                SourceOfTruth.REGISTRY,
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty());
    }

    public boolean yamlAnswers() {
        return sourceOfTruth == SourceOfTruth.YAML;
    }

    /**
     * Refuses registry writes while the tenant is rolled back to YAML: they would never reach the
     * runtime.
     *
     * @throws WritesFrozen when the source of truth is yaml
     */
    public void requireRegistryWrites() {
        if (yamlAnswers()) {
            throw new WritesFrozen(tenant);
        }
    }
}
