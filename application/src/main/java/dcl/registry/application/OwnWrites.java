package dcl.registry.application;

import dcl.registry.domain.error.StaleVersion;
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
     * once) can beat one request several times in a row: with three of them, five tries still left
     * one request in 24 losing every time (IntelligenceIT).
     */
    static final int ATTEMPTS = 10;

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
                pauseBefore(attempt + 1);
            }
        }
    }

    /**
     * A few random milliseconds, more with each try, so that writers that met do not meet again.
     */
    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between tries of a write", interrupted);
        }
    }
}
