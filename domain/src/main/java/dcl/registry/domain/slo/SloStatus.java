package dcl.registry.domain.slo;

/**
 * One SLO over the window: its target, what was measured, and how much of its error budget that
 * consumed (1 = all of it; more when overspent).
 *
 * @param events how many reads, lookups or cache reads it was judged on
 */
public record SloStatus(
        String name, double target, double actual, double budgetConsumed, long events) {
    public double budgetRemaining() {
        return Math.max(0, 1 - budgetConsumed);
    }
}
