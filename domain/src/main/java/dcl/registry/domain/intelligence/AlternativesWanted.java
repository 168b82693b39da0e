package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.InvalidInput;

/**
 * How many candidates a proposal lists after its best one. A reviewer whose first suggestion is
 * wrong picks the right field from this list rather than searching the canonical model, so by
 * default it is one page of results ({@value #DEFAULT}); a runtime that only executes the best
 * target may ask for none.
 */
public record AlternativesWanted(int count) {
    public static final int DEFAULT = 9;
    public static final int MAX = 20;
    public static final AlternativesWanted BY_DEFAULT = new AlternativesWanted(DEFAULT);

    public AlternativesWanted {
        if (count < 0 || count > MAX) {
            throw new InvalidInput("alternatives", "must be between 0 and " + MAX);
        }
    }

    /** What the caller asked for, the default when it did not ask. */
    public static AlternativesWanted of(Integer asked) {
        return asked == null ? BY_DEFAULT : new AlternativesWanted(asked);
    }

    /** The candidates a strategy ranks: the best one and the alternatives. */
    public int candidates() {
        return 1 + count;
    }
}
