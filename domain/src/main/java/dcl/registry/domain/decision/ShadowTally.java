package dcl.registry.domain.decision;

import java.util.Map;

/**
 * Comparisons counted since a shadow started: in all, and per serving strategy.
 *
 * @param skipped live proposals of the sample this node did not compare because its shadow work was
 *     full (visible, never silent)
 */
public record ShadowTally(
        long compared,
        long agreedTop1,
        long agreedTop3,
        Map<String, Counts> byServing,
        long skipped) {

    public ShadowTally {
        byServing = Map.copyOf(byServing);
    }

    public double agreementTop1() {
        return new Counts(compared, agreedTop1, agreedTop3).agreementTop1();
    }

    public double agreementTop3() {
        return new Counts(compared, agreedTop1, agreedTop3).agreementTop3();
    }

    /** Comparisons of one serving strategy. */
    public record Counts(long compared, long agreedTop1, long agreedTop3) {
        public double agreementTop1() {
            return compared == 0 ? 0 : (double) agreedTop1 / compared;
        }

        public double agreementTop3() {
            return compared == 0 ? 0 : (double) agreedTop3 / compared;
        }
    }
}
