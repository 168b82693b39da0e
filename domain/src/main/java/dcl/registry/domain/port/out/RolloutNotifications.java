package dcl.registry.domain.port.out;

import dcl.registry.domain.rollout.RolloutStage;

/**
 * Tells the plan owner's webhooks that the rollout halted or rolled back. Called inside the
 * transaction that records it: delivery happens later and never fails the guard.
 */
public interface RolloutNotifications {
    String HALTED = "rollout.halted";
    String ROLLED_BACK = "rollout.rolled-back";

    void stageEvent(String event, RolloutStage stage, String reason);
}
