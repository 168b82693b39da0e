package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.PageResponse;
import dcl.registry.domain.port.in.RolloutPlanUseCase.PlanView;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import java.util.Optional;

/**
 * The fleet's rollout plan: the newest stage, the stage this node serves by, and the tenants that
 * follow the plan with their place in line ({@code position} 0..99: a tenant is on the registry
 * when its position is below the percent) and the source serving them from this node.
 */
public record RolloutPlanResponse(
        int percent,
        Stage stage,
        InForce inForce,
        long following,
        PageResponse<FollowingTenant> tenants) {
    /** The newest stage; null before any was set. */
    public record Stage(
            long id,
            int percent,
            int previousPercent,
            String change,
            String reason,
            String decidedAt,
            String decidedBy,
            String haltedAt) {
        static Stage from(RolloutStage s) {
            return new Stage(
                    s.id(),
                    s.percent(),
                    s.previousPercent(),
                    s.change().wireName(),
                    s.reason().orElse(null),
                    s.decidedAt().toString(),
                    s.decidedBy().subject(),
                    s.haltedAt().map(Object::toString).orElse(null));
        }
    }

    /** What this node serves by now (at most the refresh interval behind the newest stage). */
    public record InForce(int percent, long stage) {
        static InForce from(Optional<RolloutStage> s) {
            return new InForce(
                    s.map(RolloutStage::percent).orElse(0), s.map(RolloutStage::id).orElse(0L));
        }
    }

    public record FollowingTenant(
            String tenant, int position, String servedBy, String legacyPath, boolean dualRead) {
        static FollowingTenant from(RolloutSettings s) {
            return new FollowingTenant(
                    s.tenant().value(),
                    RolloutStage.position(s.tenant()),
                    s.servedBy().wireName(),
                    s.legacyPath().orElse(null),
                    s.dualRead());
        }
    }

    static RolloutPlanResponse from(PlanView view) {
        return new RolloutPlanResponse(
                view.stage().map(RolloutStage::percent).orElse(0),
                view.stage().map(Stage::from).orElse(null),
                InForce.from(view.inForce()),
                view.following(),
                PageResponse.from(view.tenants(), FollowingTenant::from));
    }
}
