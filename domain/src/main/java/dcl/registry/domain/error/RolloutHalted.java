package dcl.registry.domain.error;

import dcl.registry.domain.slo.SloStatus;
import java.util.Locale;

/** The rollout may not advance: an error budget is more spent than the halt threshold allows. */
public final class RolloutHalted extends DomainException {
    private final transient SloStatus budget;

    public RolloutHalted(SloStatus budget, String reason) {
        super(
                String.format(
                        Locale.ROOT,
                        "The rollout is halted: %s. Lower the share, or wait until the budget"
                                + " recovers over the window.",
                        reason));
        this.budget = budget;
    }

    /** The budget that halts the rollout. */
    public SloStatus budget() {
        return budget;
    }
}
