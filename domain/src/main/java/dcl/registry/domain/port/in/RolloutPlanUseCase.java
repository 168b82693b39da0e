package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import java.util.Optional;

/** The fleet's progressive rollout of the registry to tenants that follow the plan. */
public interface RolloutPlanUseCase {
    /**
     * The plan, the stage in force on this node, and the tenants following it as this node serves
     * them: all of them for an operator, only the caller's own tenant otherwise.
     */
    PlanView view(TenantId caller, boolean operator, PageRequest page);

    /**
     * Sets the share of plan-following tenants the registry serves; raising it is refused while an
     * error budget is more spent than the halt threshold. Audited.
     *
     * @throws dcl.registry.domain.error.RolloutHalted when it may not advance
     */
    RolloutStage change(TenantId owner, Actor actor, int percent, Optional<String> reason);

    /**
     * @param stage the newest stage (empty before any was set)
     * @param inForce the stage this node serves by (at most the refresh interval behind)
     * @param tenants plan-following tenants, placed by the stage in force
     */
    record PlanView(
            Optional<RolloutStage> stage,
            Optional<RolloutStage> inForce,
            long following,
            Page<RolloutSettings> tenants) {}
}
