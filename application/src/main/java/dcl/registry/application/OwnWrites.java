package dcl.registry.application;

import dcl.registry.domain.error.StaleVersion;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Writes the service decides on from its own fresh read, with no version from the caller to keep:
 * when another write came between that read and the write (two runtimes reporting at once), the
 * work is done again on what is stored now, rather than answering the caller a 412 it never asked
 * for.
 */
final class OwnWrites {
    /**
     * How often the work is tried. Writers that keep coming (runtimes reporting one mapping at
     * once) can beat one request several times in a row: with three of them, ten tries after pauses
     * of a few milliseconds still left one request in 24 losing every time (IntelligenceIT in CI),
     * so the pauses also grow, up to {@link #LONGEST_PAUSE_MILLIS}.
     */
    static final int ATTEMPTS = 20;

    static final long LONGEST_PAUSE_MILLIS = 64;

    private OwnWrites() {}

    /** {@code transaction} once more for each newer version met, up to {@link #ATTEMPTS} times. */
    static <T> T retriedOnNewerVersion(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StaleVersion newer) {
                if (attempt >= ATTEMPTS) {
                    throw newer;
                }
                pauseAfter(attempt);
            }
        }
    }

    /**
     * Random milliseconds, up to twice as many after each try (at most {@link
     * #LONGEST_PAUSE_MILLIS}), so that writers that met do not meet again.
     */
    private static void pauseAfter(int attempt) {
        long longest = Math.min(LONGEST_PAUSE_MILLIS, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, longest + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between tries of a write", interrupted);
        }
    }
}
