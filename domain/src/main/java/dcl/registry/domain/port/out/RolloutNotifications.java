package dcl.registry.domain.port.out;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import java.util.Optional;

/**
 * Tells the plan owner's webhooks that the rollout halted or rolled back, and a held tenant's (and
 * the plan owner's) that the tenant was held on its YAML. Called inside the transaction that
 * records it: delivery happens later and never fails the guard.
 */
public interface RolloutNotifications {
    String HALTED = "rollout.halted";
    String ROLLED_BACK = "rollout.rolled-back";
    String TENANT_HELD = "rollout.tenant-held";

    void stageEvent(String event, RolloutStage stage, String reason);

    /**
     * @param planOwner the operators' tenant that owns the plan, told as well (when another)
     */
    void tenantHeld(RolloutSettings held, String reason, Optional<TenantId> planOwner);
}
