package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;

/** How sure we are that a mapping is right, from 0 to 1; a human decision is 1. */
public record Confidence(double value) {
    public static final Confidence CERTAIN = new Confidence(1.0);

    public Confidence {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new InvalidInput("confidence", "must be between 0 and 1");
        }
    }
}
