package dcl.registry.domain.port.out;

import dcl.registry.domain.rollout.RolloutStage;
import java.time.Instant;
import java.util.Optional;

/** The fleet's rollout stages, shared by all nodes; the newest is the plan. */
public interface RolloutPlans {
    Optional<RolloutStage> current();

    /**
     * Appends {@code next} if it still follows the newest stage ({@code next.id()} is one more, or
     * 1 when there is none); false when another node or operator got there first.
     */
    boolean append(RolloutStage next);

    /** Marks the stage halted once; false when it was already, or is no longer the newest. */
    boolean markHalted(long stageId, Instant at);
}
