package dcl.registry.domain.decision;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import java.util.Locale;
import java.util.Optional;

/**
 * When a candidate may replace the serving configuration: it was shadowed, on at least {@code
 * minCompared} live proposals, and agreed at top-1 on at least {@code threshold} of them (the
 * seed's 95 %).
 */
public record EquivalenceGate(double threshold, long minCompared) {
    public static final String THRESHOLD = "dcl.intelligence.shadow.equivalence-gate";
    public static final String MIN_COMPARED = "dcl.intelligence.shadow.min-compared";

    public EquivalenceGate {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidInput(THRESHOLD, "must be a share in (0, 1], was " + threshold);
        }
        if (minCompared < 1) {
            throw new InvalidInput(MIN_COMPARED, "must be at least 1, was " + minCompared);
        }
    }

    /** Why {@code candidate} may not serve yet, or empty when it may. */
    public Optional<String> refusal(
            StrategyConfiguration candidate, Optional<ShadowSettings> shadow, ShadowTally tally) {
        if (shadow.isEmpty() || !shadow.get().candidate().sameAs(candidate)) {
            return Optional.of(
                    candidate.label()
                            + " has not been shadowed: run it beside the serving configuration"
                            + " first (PUT /dcl/admin/intelligence/shadow)");
        }
        if (tally.compared() < minCompared) {
            return Optional.of(
                    String.format(
                            Locale.ROOT,
                            "%s was compared on %d live proposals; the gate needs %d",
                            candidate.label(),
                            tally.compared(),
                            minCompared));
        }
        if (tally.agreementTop1() < threshold) {
            return Optional.of(
                    String.format(
                            Locale.ROOT,
                            "%s agreed with the serving configuration on %.1f %% of %d live"
                                    + " proposals; the gate is %.1f %%",
                            candidate.label(),
                            100 * tally.agreementTop1(),
                            tally.compared(),
                            100 * threshold));
        }
        return Optional.empty();
    }
}
