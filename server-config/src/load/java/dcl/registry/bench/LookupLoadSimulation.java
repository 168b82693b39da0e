package dcl.registry.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The seeds' mixed scenario (10 common lookups : 3 uncommon : 1 list of 100) at offered rates of
 * 100, 1,000, 2,000, 3,000 and 5,000 requests per second (open model: arrivals do not wait for
 * answers), one stage after the other, against the running service. Each stage's requests carry
 * its rate in their name, so Gatling's console and HTML report show each stage apart.
 *
 * <p>At the end it prints one line per stage: requests, throughput (answers per second over the
 * stage, its drain included), error rate, client-side p50/p95/p99 (every request's response time,
 * recorded in an HdrHistogram) and the lookup cache's hit ratio over the stage (the service's
 * {@code /metrics} counters, read at each stage boundary: a one-user scenario between the stages);
 * then where the machine tops out: the highest stage that holds (errors below 1 %, p95 below 50 ms,
 * at least 95 % of the offered requests answered) and the first that does not, with why.
 *
 * <p>Properties: {@code load.url}, {@code load.seconds} (30 per stage), {@code load.rates}
 * (100,1000,2000,3000,5000), {@code bench.key}.
 */
public class LookupLoadSimulation extends Simulation {
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
    private static final int[] RATES =
            Arrays.stream(System.getProperty("load.rates", "100,1000,2000,3000,5000").split(","))
                    .mapToInt(r -> Integer.parseInt(r.strip()))
                    .toArray();
    private static final double MAX_ERROR_RATE = 0.01;
    private static final double MAX_P95_MS = 50;
    private static final double MIN_THROUGHPUT_SHARE = 0.95;

    private final SeedsMix mix = SeedsMix.prepare("load-");
    private final Tally[] tallies = new Tally[RATES.length];
    private final ServerMetrics[] boundaries = new ServerMetrics[RATES.length + 1];
    private final long[] boundaryNanos = new long[RATES.length + 1];

    {
        // boundary 0 -> stage 0 -> boundary 1 -> stage 1 -> ... -> boundary n, each after the last
        PopulationBuilder chain = boundary(RATES.length);
        for (int i = RATES.length - 1; i >= 0; i--) {
            tallies[i] = new Tally();
            chain =
                    boundary(i)
                            .andThen(
                                    scenario("seeds' mix at " + RATES[i] + " rps")
                                            .exec(
                                                    SeedsMix.oneRequest(
                                                            RATES[i] + " rps: ", tallies[i]))
                                            .injectOpen(
                                                    constantUsersPerSec(RATES[i]).during(SECONDS))
                                            .andThen(chain));
        }
        setUp(chain).protocols(mix.protocol());
    }

    /** A one-user scenario that reads the service's counters where a stage ends and the next begins. */
    private PopulationBuilder boundary(int index) {
        return scenario("stage boundary " + index)
                .exec(
                        session -> {
                            boundaryNanos[index] = System.nanoTime();
                            boundaries[index] = ServerMetrics.read(SeedsMix.BASE);
                            return session;
                        })
                .injectOpen(atOnceUsers(1));
    }

    @Override
    public void after() {
        System.out.println();
        System.out.println("per stage (client-side latency; cache hit ratio from /metrics):");
        List<String> verdicts = new ArrayList<>();
        Integer lastHolding = null;
        String firstFailing = null;
        for (int i = 0; i < RATES.length; i++) {
            Tally tally = tallies[i];
            Histogram h = tally.interval();
            double seconds =
                    boundaryNanos[i + 1] > boundaryNanos[i]
                            ? (boundaryNanos[i + 1] - boundaryNanos[i]) / 1e9
                            : SECONDS;
            double throughput = (tally.requests() - tally.errors()) / seconds;
            // an open model offers rate x seconds requests; the stage's wall time also holds the
            // pause before the next stage, so the share answered is the fair test, not req/s
            double answered = (tally.requests() - tally.errors()) / ((double) RATES[i] * SECONDS);
            double errorRate = tally.requests() == 0 ? 0 : (double) tally.errors() / tally.requests();
            long hits = boundaries[i + 1].cacheHits() - boundaries[i].cacheHits();
            long misses = boundaries[i + 1].cacheMisses() - boundaries[i].cacheMisses();
            double p95 = h.getValueAtPercentile(95);
            System.out.printf(
                    Locale.ROOT,
                    "stage %5d rps: requests=%d  throughput=%.0f req/s over %.1f s  errors=%.2f %%"
                            + "  p50=%d ms  p95=%d ms  p99=%d ms  max=%d ms  cache hits=%s%n",
                    RATES[i],
                    tally.requests(),
                    throughput,
                    seconds,
                    100 * errorRate,
                    h.getValueAtPercentile(50),
                    (long) p95,
                    h.getValueAtPercentile(99),
                    h.getMaxValue(),
                    hits + misses == 0
                            ? "n/a"
                            : String.format(
                                    Locale.ROOT,
                                    "%.1f %% (%d hits, %d misses)",
                                    100.0 * hits / (hits + misses),
                                    hits,
                                    misses));
            List<String> why = new ArrayList<>();
            if (errorRate >= MAX_ERROR_RATE) {
                why.add(String.format(Locale.ROOT, "errors %.2f %% >= 1 %%", 100 * errorRate));
            }
            if (p95 >= MAX_P95_MS) {
                why.add("p95 " + (long) p95 + " ms >= 50 ms");
            }
            if (answered < MIN_THROUGHPUT_SHARE) {
                why.add(
                        String.format(
                                Locale.ROOT,
                                "answered %.1f %% < 95 %% of the %d offered",
                                100 * answered,
                                RATES[i] * SECONDS));
            }
            if (why.isEmpty() && firstFailing == null) {
                lastHolding = RATES[i];
            } else if (!why.isEmpty() && firstFailing == null) {
                firstFailing = RATES[i] + " rps (" + String.join(", ", why) + ")";
            }
            verdicts.add(RATES[i] + " rps " + (why.isEmpty() ? "holds" : "fails"));
        }
        System.out.println(String.join("; ", verdicts));
        if (firstFailing == null) {
            System.out.println(
                    "tops out: not within the stages run; every stage holds (errors < 1 %, p95 < 50"
                            + " ms, >= 95 % of the offered requests answered)");
        } else {
            System.out.println(
                    "tops out: "
                            + (lastHolding == null
                                    ? "below the first stage"
                                    : "between " + lastHolding + " rps (holds)")
                            + " and "
                            + firstFailing);
        }
    }
}
