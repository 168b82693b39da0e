package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;

/**
 * The scale of every score in the registry: confidences, observed rates and similarities, and the
 * weights that combine them all run from 0 to 1.
 */
public final class Score {
    private Score() {}

    /**
     * The value, when it is a score.
     *
     * @throws InvalidInput naming {@code field} when it is below 0, above 1 or not a number
     */
    public static double require(String field, double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new InvalidInput(field, "must be between 0 and 1");
        }
        return value;
    }
}
