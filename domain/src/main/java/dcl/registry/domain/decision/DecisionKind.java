package dcl.registry.domain.decision;

import java.util.Locale;

/** What a decision answered: a proposal for a source field, or a drift repair. */
public enum DecisionKind {
    PROPOSAL,
    DRIFT_REPAIR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
