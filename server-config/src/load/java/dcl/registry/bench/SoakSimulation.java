package dcl.registry.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The soak: the seeds' mix at a constant offered rate ({@code soak.rate}, 1,000 requests per
 * second) for {@code soak.minutes} (60), bounded (Gatling's {@code maxDuration} ends the run one
 * minute after the injection at the latest, whatever is still in flight), with a sampler that
 * prints one line a minute and, at the end, a drift verdict.
 *
 * <p>Each minute: requests answered or not in that minute, error rate, client-side p95 (every
 * request's response time as Gatling saw it, recorded in an HdrHistogram), the heap floor (the
 * least of the heap-in-use readings of {@code /metrics} taken every {@code soak.sample.seconds},
 * 10: the heap just after a collection is the lowest reading, so the minimum approximates the
 * post-GC floor) and the GC time spent in that minute (the growth of {@code gc_time_seconds}, all
 * collectors, from {@code /metrics}).
 *
 * <p>Verdict: the first 10 % of minutes (at least one) against the last 10 % (at least one). DRIFT
 * when the heap floor grew by more than {@code soak.max.heap.growth} (20 %) and by more than
 * {@code soak.max.heap.growth.mb} (64 MB), when p95 grew by more than {@code soak.max.p95.growth}
 * (50 %) and by more than {@code soak.max.p95.growth.ms} (5 ms), or when the last minutes' error
 * rate is above {@code soak.max.error.rate} (0.1 %); otherwise NO DRIFT. The lines and the verdict
 * also go to {@code target/gatling/soak-<start>.txt}; Gatling's HTML report is kept as usual.
 */
public class SoakSimulation extends Simulation {
    private static final int MINUTES = Integer.getInteger("soak.minutes", 60);
    private static final int RATE = Integer.getInteger("soak.rate", 1000);
    private static final int SAMPLE_SECONDS = Integer.getInteger("soak.sample.seconds", 10);
    private static final int RAMP_SECONDS = Integer.getInteger("soak.ramp.seconds", 60);
    private static final double MAX_HEAP_GROWTH = Double.parseDouble(System.getProperty("soak.max.heap.growth", "0.20"));
    private static final double MAX_HEAP_GROWTH_MB =
            Double.parseDouble(System.getProperty("soak.max.heap.growth.mb", "64"));
    private static final double MAX_P95_GROWTH =
            Double.parseDouble(System.getProperty("soak.max.p95.growth", "0.50"));
    private static final double MAX_P95_GROWTH_MS =
            Double.parseDouble(System.getProperty("soak.max.p95.growth.ms", "5"));
    private static final double MAX_ERROR_RATE =
            Double.parseDouble(System.getProperty("soak.max.error.rate", "0.001"));

    private final SeedsMix mix = SeedsMix.prepare("soak-");
    private final Tally tally = new Tally();
    private final List<Minute> minutes = new ArrayList<>();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "soak-sampler");
                        t.setDaemon(true);
                        return t;
                    });
    private final Path report =
            Path.of(
                    "target",
                    "gatling",
                    "soak-" + Instant.now().toString().replace(':', '-') + ".txt");

    // the sampler's state, touched only by its thread (and by after(), once it has stopped)
    private long requestsBefore;
    private long errorsBefore;
    private double gcBefore;
    private double heapFloor = Double.MAX_VALUE;
    private int samples;
    private ScheduledFuture<?> sampling;
    private ScheduledFuture<?> baseline;

    /** One minute's figures. */
    private record Minute(
            int index, long requests, double errorRate, long p95Ms, double heapFloorMb, double gcMs) {}

    {
        setUp(
                        scenario("soak: seeds' mix at " + RATE + " rps")
                                .exec(SeedsMix.oneRequest("soak: ", tally))
                                .injectOpen(
                                        rampUsersPerSec(1)
                                                .to(RATE)
                                                .during(Duration.ofSeconds(RAMP_SECONDS)),
                                        constantUsersPerSec(RATE)
                                                .during(Duration.ofMinutes(MINUTES))))
                .protocols(mix.protocol())
                .maxDuration(Duration.ofSeconds(RAMP_SECONDS).plusMinutes(MINUTES + 1L));
    }

    @Override
    public void before() {
        print(
                String.format(
                        Locale.ROOT,
                        "soak: %d rps for %d min (after a %d s ramp from 1 rps, not judged) against %s;"
                                + " one line a minute: requests, error rate, client-side p95, heap"
                                + " floor (least of /metrics readings every %d s), GC time in the"
                                + " minute (/metrics gc_time_seconds)",
                        RATE,
                        MINUTES,
                        RAMP_SECONDS,
                        SeedsMix.BASE,
                        SAMPLE_SECONDS));
        int perMinute = Math.max(1, 60 / SAMPLE_SECONDS);
        // the ramp's requests, latencies and GC time are left out: minute 1 starts when the rate is
        // reached
        baseline =
                sampler.schedule(
                () -> {
                    requestsBefore = tally.requests();
                    errorsBefore = tally.errors();
                    tally.interval();
                    gcBefore = ServerMetrics.readJvm(SeedsMix.BASE).gcSeconds();
                },
                RAMP_SECONDS,
                TimeUnit.SECONDS);
        sampling =
                sampler.scheduleAtFixedRate(
                        () -> {
                            try {
                                sample(perMinute);
                            } catch (RuntimeException | Error e) {
                                // a failed reading must not end the sampling for the rest of the hour
                                print("sampler: " + e);
                            }
                        },
                        RAMP_SECONDS + SAMPLE_SECONDS,
                        SAMPLE_SECONDS,
                        TimeUnit.SECONDS);
    }

    private void sample(int perMinute) {
        ServerMetrics jvm = ServerMetrics.readJvm(SeedsMix.BASE);
        if (jvm.answered()) {
            heapFloor = Math.min(heapFloor, jvm.heapUsedBytes());
        }
        if (++samples % perMinute != 0) {
            return;
        }
        long requests = tally.requests();
        long errors = tally.errors();
        Histogram h = tally.interval();
        long inMinute = requests - requestsBefore;
        double gc = jvm.answered() ? jvm.gcSeconds() : gcBefore;
        Minute m =
                new Minute(
                        minutes.size() + 1,
                        inMinute,
                        inMinute == 0 ? 0 : (double) (errors - errorsBefore) / inMinute,
                        h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(95),
                        heapFloor == Double.MAX_VALUE ? -1 : heapFloor / 1e6,
                        (gc - gcBefore) * 1000);
        minutes.add(m);
        print(
                String.format(
                        Locale.ROOT,
                        "minute %3d: requests=%d  errors=%.3f %%  p95=%d ms  heap floor=%.1f MB  GC"
                                + " time=%.0f ms",
                        m.index(),
                        m.requests(),
                        100 * m.errorRate(),
                        m.p95Ms(),
                        m.heapFloorMb(),
                        m.gcMs()));
        requestsBefore = requests;
        errorsBefore = errors;
        gcBefore = gc;
        heapFloor = Double.MAX_VALUE;
    }

    @Override
    public void after() {
        if (sampling != null) {
            sampling.cancel(false);
        }
        if (baseline != null) {
            baseline.cancel(false);
        }
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long rest = tally.requests() - requestsBefore;
        if (rest > 0) {
            print(
                    String.format(
                            Locale.ROOT,
                            "after the last full minute: %d more requests, %d more errors (not"
                                    + " judged)",
                            rest,
                            tally.errors() - errorsBefore));
        }
        verdict().forEach(this::print);
    }

    private List<String> verdict() {
        List<String> out = new ArrayList<>();
        if (minutes.size() < 2) {
            out.add("verdict: n/a (fewer than 2 full minutes sampled)");
            return out;
        }
        int k = Math.max(1, (int) Math.round(minutes.size() * 0.10));
        List<Minute> first = minutes.subList(0, k);
        List<Minute> last = minutes.subList(minutes.size() - k, minutes.size());
        double heapFirst = mean(first, Minute::heapFloorMb);
        double heapLast = mean(last, Minute::heapFloorMb);
        double p95First = mean(first, m -> m.p95Ms());
        double p95Last = mean(last, m -> m.p95Ms());
        long lastRequests = last.stream().mapToLong(Minute::requests).sum();
        double lastErrors =
                last.stream().mapToDouble(m -> m.errorRate() * m.requests()).sum()
                        / Math.max(1, lastRequests);
        List<String> reasons = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        String heap =
                String.format(
                        Locale.ROOT,
                        "heap floor %.1f -> %.1f MB (%+.1f %%; limit +%.0f %% and +%.0f MB)",
                        heapFirst,
                        heapLast,
                        100 * (heapLast - heapFirst) / heapFirst,
                        100 * MAX_HEAP_GROWTH,
                        MAX_HEAP_GROWTH_MB);
        if (heapLast > heapFirst * (1 + MAX_HEAP_GROWTH) && heapLast - heapFirst > MAX_HEAP_GROWTH_MB) {
            reasons.add(heap);
        } else {
            fine.add(heap);
        }
        String p95 =
                String.format(
                        Locale.ROOT,
                        "p95 %.1f -> %.1f ms (limit +%.0f %% and +%.0f ms)",
                        p95First,
                        p95Last,
                        100 * MAX_P95_GROWTH,
                        MAX_P95_GROWTH_MS);
        if (p95Last > p95First * (1 + MAX_P95_GROWTH) && p95Last - p95First > MAX_P95_GROWTH_MS) {
            reasons.add(p95);
        } else {
            fine.add(p95);
        }
        String errors =
                String.format(
                        Locale.ROOT,
                        "error rate of the last minutes %.3f %% (limit %.3f %%)",
                        100 * lastErrors,
                        100 * MAX_ERROR_RATE);
        if (lastErrors > MAX_ERROR_RATE) {
            reasons.add(errors);
        } else {
            fine.add(errors);
        }
        out.add(
                String.format(
                        Locale.ROOT,
                        "compared: the first %d minute(s) with the last %d of %d",
                        k,
                        k,
                        minutes.size()));
        if (reasons.isEmpty()) {
            out.add("NO DRIFT: " + String.join("; ", fine));
        } else {
            out.add("DRIFT: " + String.join("; ", reasons));
            if (!fine.isEmpty()) {
                out.add("within limits: " + String.join("; ", fine));
            }
        }
        return out;
    }

    private static double mean(List<Minute> minutes, java.util.function.ToDoubleFunction<Minute> f) {
        return minutes.stream().mapToDouble(f).average().orElse(0);
    }

    private void print(String line) {
        System.out.println("[soak] " + line);
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(
                    report,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
