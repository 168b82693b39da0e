package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.time.Duration;
import java.util.Optional;

/** Reads and changes a tenant's rollout settings; every change is audited. */
public interface RolloutUseCase {
    /**
     * The settings in force on this node (at most a few seconds behind a change made elsewhere).
     */
    RolloutSettings current(TenantId tenant);

    /**
     * How long the settings in force have gone unconfirmed, when the store could not be read to
     * refresh them (a database outage); empty while they are as fresh as promised.
     */
    Optional<Duration> staleness(TenantId tenant);

    RolloutSettings change(
            TenantId tenant,
            Actor actor,
            SourceOfTruth sourceOfTruth,
            Optional<String> legacyPath,
            boolean dualRead,
            Optional<String> reason);
}
