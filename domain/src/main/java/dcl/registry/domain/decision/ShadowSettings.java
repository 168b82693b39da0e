package dcl.registry.domain.decision;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A candidate configuration run beside the serving one on a sample of the tenant's live proposals,
 * since {@code since}: compared, never stored as a proposal, never shown to a reviewer.
 */
public record ShadowSettings(
        TenantId tenant, StrategyConfiguration candidate, double sample, Instant since, Actor by) {
    public ShadowSettings {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(candidate);
        if (!(sample >= 0 && sample <= 1)) {
            throw new InvalidInput("sample", "must be a share from 0 to 1, was " + sample);
        }
    }
}
