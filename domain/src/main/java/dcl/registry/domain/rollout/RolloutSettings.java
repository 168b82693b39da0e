package dcl.registry.domain.rollout;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.WritesFrozen;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's rollout state: the source of truth (or that it follows the fleet's plan), the legacy
 * YAML folder (relative to the jobs root) used when YAML answers or is compared, whether dual-read
 * is on, and which source serves it now.
 *
 * @param servedBy the source answering the runtime: the source of truth itself, or for a tenant
 *     that follows the plan, what the plan's stage in force decides
 */
public record RolloutSettings(
        TenantId tenant,
        SourceOfTruth sourceOfTruth,
        Optional<String> legacyPath,
        boolean dualRead,
        Optional<Instant> updatedAt,
        Optional<String> updatedBy,
        SourceOfTruth servedBy) {
    /** The longest legacy folder the store keeps. */
    public static final int MAX_LEGACY_PATH = 1024;

    public RolloutSettings {
        if ((sourceOfTruth != SourceOfTruth.REGISTRY || dualRead)
                && legacyPath.filter(p -> !p.isBlank()).isEmpty()) {
            throw new InvalidInput(
                    "legacyPath",
                    "is required when the source of truth is yaml or plan, or dual-read is on");
        }
        if (servedBy == SourceOfTruth.PLAN
                || (sourceOfTruth != SourceOfTruth.PLAN && servedBy != sourceOfTruth)) {
            throw new IllegalArgumentException(
                    "served by " + servedBy + " with source of truth " + sourceOfTruth);
        }
    }

    /**
     * Settings as stored; a tenant that follows the plan is served by its YAML until {@link
     * #following} places it.
     */
    public RolloutSettings(
            TenantId tenant,
            SourceOfTruth sourceOfTruth,
            Optional<String> legacyPath,
            boolean dualRead,
            Optional<Instant> updatedAt,
            Optional<String> updatedBy) {
        this(
                tenant,
                sourceOfTruth,
                legacyPath,
                dualRead,
                updatedAt,
                updatedBy,
                sourceOfTruth == SourceOfTruth.PLAN ? SourceOfTruth.YAML : sourceOfTruth);
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

    /**
     * These settings as the plan's stage in force places the tenant (unchanged for an override).
     */
    public RolloutSettings following(Optional<RolloutStage> stage) {
        if (sourceOfTruth != SourceOfTruth.PLAN) {
            return this;
        }
        SourceOfTruth placed =
                RolloutStage.servesFromRegistry(stage, tenant)
                        ? SourceOfTruth.REGISTRY
                        : SourceOfTruth.YAML;
        return placed == servedBy
                ? this
                : new RolloutSettings(
                        tenant, sourceOfTruth, legacyPath, dualRead, updatedAt, updatedBy, placed);
    }

    public boolean yamlAnswers() {
        return servedBy == SourceOfTruth.YAML;
    }

    public boolean followsPlan() {
        return sourceOfTruth == SourceOfTruth.PLAN;
    }

    /**
     * These settings taken off the plan onto the tenant's own YAML, by {@code actor} at {@code at}:
     * how the guard holds back a tenant whose registry answered otherwise than its YAML. The legacy
     * folder and dual-read stay as they were, so that the tenant's admin rejoins the plan with one
     * change.
     *
     * @throws IllegalStateException when the tenant does not follow the plan
     */
    public RolloutSettings heldOnYaml(String actor, Instant at) {
        if (!followsPlan()) {
            throw new IllegalStateException(tenant + " does not follow the plan");
        }
        return new RolloutSettings(
                tenant,
                SourceOfTruth.YAML,
                legacyPath,
                dualRead,
                Optional.of(at),
                Optional.of(actor));
    }

    /**
     * Refuses registry writes while YAML serves the tenant: they would never reach the runtime.
     *
     * @throws WritesFrozen when the legacy YAML answers
     */
    public void requireRegistryWrites() {
        if (yamlAnswers()) {
            throw new WritesFrozen(tenant);
        }
    }
}
