package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a strategy configuration, for one tenant or for the fleet's staged rollout. Changes
 * are appended, never edited: the newest of a scope is in force, and each keeps what it replaced so
 * that a rollback is one more change.
 *
 * @param id the version: unique across scopes, growing
 * @param tenant the tenant it is for; empty for the fleet's rollout
 * @param sequence its place in its scope (1, 2, …): two nodes appending after the same change, one
 *     wins
 * @param configuration what is in force from now; empty for the installation's own
 * @param percent the share of tenants the rollout reaches (100 for a tenant's own)
 * @param forced set past the shadow equivalence gate (with a reason)
 */
public record StrategyChange(
        long id,
        Optional<TenantId> tenant,
        long sequence,
        Optional<StrategyConfiguration> configuration,
        int percent,
        Optional<StrategyConfiguration> previous,
        int previousPercent,
        StrategyChangeKind kind,
        Optional<String> reason,
        boolean forced,
        Instant decidedAt,
        Actor decidedBy,
        TenantId owner) {

    public StrategyChange {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(configuration);
        Objects.requireNonNull(previous);
        Objects.requireNonNull(kind);
        if (percent < 0 || percent > 100 || previousPercent < 0 || previousPercent > 100) {
            throw new IllegalArgumentException("a share is 0..100");
        }
    }

    /** Whether this change of the fleet's rollout reaches the tenant (the registry's hashing). */
    public boolean reaches(TenantId t) {
        return configuration.isPresent() && RolloutStage.position(t) < percent;
    }

    public String describe() {
        String what = configuration.map(StrategyConfiguration::label).orElse("installation's");
        return tenant.isPresent() ? what : what + " at " + percent + " %";
    }
}
