package dcl.registry.adapters.rest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which lookups get a log line of their own: each with the probability {@code rate}, so a busy node
 * logs a steady trickle rather than every lookup. 0 logs none, 1 logs every one.
 */
public final class LookupSampling {
    private final double rate;
    private final DoubleSupplier random;

    /**
     * @param rate from 0 to 1 (the wiring checks {@code dcl.log.lookups.sample-rate} at start-up)
     */
    public LookupSampling(double rate) {
        this(rate, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param random uniform in [0, 1)
     */
    LookupSampling(double rate, DoubleSupplier random) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("A sample rate is from 0 to 1, not " + rate);
        }
        this.rate = rate;
        this.random = random;
    }

    boolean sampled() {
        return rate > 0 && random.getAsDouble() < rate;
    }
}
