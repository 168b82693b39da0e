package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.util.Optional;

/** Reads and changes a tenant's rollout settings; every change is audited. */
public interface RolloutUseCase {
  /** The settings in force on this node (at most a few seconds behind a change made elsewhere). */
  RolloutSettings current(TenantId tenant);

  RolloutSettings change(TenantId tenant, Actor actor, SourceOfTruth sourceOfTruth, Optional<String> legacyPath,
      boolean dualRead, Optional<String> reason);
}
