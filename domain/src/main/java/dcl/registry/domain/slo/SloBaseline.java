package dcl.registry.domain.slo;

/**
 * What the service measured when a rollout stage began, so that the stage is judged against where
 * it started rather than an absolute: the error rate of the runtime's reads and the lookups' p95.
 */
public record SloBaseline(double errorRate, long p95Millis) {
    public static SloBaseline of(SloCounts counts) {
        return new SloBaseline(counts.errorRate(), counts.p95Millis());
    }
}
