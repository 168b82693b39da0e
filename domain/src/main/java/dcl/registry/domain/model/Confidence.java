package dcl.registry.domain.model;

/** How sure we are that a mapping is right, a {@link Score}; a human decision is 1. */
public record Confidence(double value) {
    public static final Confidence CERTAIN = new Confidence(1.0);

    public Confidence {
        Score.require("confidence", value);
    }
}
