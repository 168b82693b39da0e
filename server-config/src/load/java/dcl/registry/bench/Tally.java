package dcl.registry.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Client-side figures of a stage or a minute: requests answered or not, errors, and response times
 * in an HdrHistogram {@link Recorder} (thread-safe while Gatling's threads record; {@link
 * #interval} hands over what was recorded since the last call, which gives per-minute percentiles).
 */
final class Tally {
    private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMillis(5), 3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** One request: its response time in ms (negative when no answer came), whether it failed. */
    void record(int millis, boolean failed) {
        requests.increment();
        if (failed) {
            errors.increment();
        }
        if (millis >= 0) {
            latencies.recordValue(Math.min(millis, TimeUnit.MINUTES.toMillis(5)));
        }
    }

    long requests() {
        return requests.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** The response times recorded since the previous call. */
    Histogram interval() {
        return latencies.getIntervalHistogram();
    }
}
