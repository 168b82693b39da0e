package dcl.registry.domain.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns counts into the SLO report. Budgets are judged over the window; a rollout stage is also
 * judged on what happened since it began against its baseline (error rate, p95) and on the tenants
 * held back since then for dual-read mismatches, the seed's rollback criteria.
 */
public final class SloJudge {
    /**
     * How many tenants held for dual-read mismatches since a stage began roll the stage back. A
     * mismatch is first the tenant's own: its admin chooses its YAML folder and edits its mappings,
     * so one tenant alone is held alone and cannot move every other tenant back. Two tenants are no
     * longer one admin's doing: the registry itself answers wrongly.
     */
    public static final long TENANTS_HELD_FOR_ROLLBACK = 2;

    private final SloSettings settings;

    public SloJudge(SloSettings settings) {
        this.settings = settings;
    }

    public SloSettings settings() {
        return settings;
    }

    /**
     * @param window the counts of every node over the window
     * @param sinceStage the counts since the rollout's current stage began (within the window)
     * @param baseline what was measured when that stage began; empty when no stage is in progress
     * @param tenantsHeld the tenants held on their YAML for dual-read mismatches since that stage
     *     began
     */
    public SloReport judge(
            SloCounts window,
            SloCounts sinceStage,
            Optional<SloBaseline> baseline,
            long tenantsHeld) {
        List<SloStatus> slos = List.of(availability(window), latency(window), cacheHit(window));
        Optional<SloStatus> worst =
                slos.stream()
                        .filter(slo -> slo.events() >= settings.minReads())
                        .max(java.util.Comparator.comparingDouble(SloStatus::budgetConsumed));
        Optional<String> halt =
                worst.filter(slo -> slo.budgetConsumed() > settings.haltAt())
                        .map(slo -> budgetText(slo, settings.haltAt()));
        Optional<String> rollback =
                baseline.flatMap(b -> rollbackReason(worst, sinceStage, b, tenantsHeld));
        return new SloReport(
                settings.window(), slos, SloBaseline.of(window), halt, rollback, List.of());
    }

    /**
     * The fleet's report, except that a halt or rollback that one tenant's own traffic alone
     * explains is set aside: judged again without each tenant's counts, it must still be called
     * for. Otherwise a tenant could halt or roll back every other tenant's rollout with its own
     * reads (a burst of lookups of fields nobody maps misses the cache; a huge table set is slow).
     * It is set aside only where the rest of the fleet can be judged: it has enough events ({@code
     * min-reads}) wherever the fleet had. Never set aside: reads without a tenant, the tenants the
     * stage being judged moved (their reads are what the stage is judged on), and tenants held for
     * dual-read mismatches (two of them are already more than one tenant). A set-aside tenant's
     * counts are also left out of the report's {@code measured} figures, the baseline of a stage
     * that begins now.
     *
     * @param window every node's counts over the window, per tenant
     * @param sinceStage the same since the rollout's current stage began
     * @param movedByStage the tenants the stage being judged moved
     */
    public SloReport judge(
            TenantSloCounts window,
            TenantSloCounts sinceStage,
            Optional<SloBaseline> baseline,
            long tenantsHeld,
            Predicate<String> movedByStage) {
        SloReport fleet = judge(window.total(), sinceStage.total(), baseline, tenantsHeld);
        Optional<String> halt = fleet.haltReason();
        Optional<String> rollback = fleet.rollbackReason();
        List<SloReport.SetAside> setAside = new ArrayList<>();
        Set<String> tenants = new TreeSet<>(window.tenants());
        tenants.addAll(sinceStage.tenants());
        tenants.remove(TenantSloCounts.NO_TENANT);
        tenants.removeIf(movedByStage);
        for (String tenant : tenants) {
            if (halt.isEmpty() && rollback.isEmpty()) {
                break;
            }
            SloCounts rest = window.without(tenant);
            SloCounts restOfStage = sinceStage.without(tenant);
            if (!judgeable(window.total(), rest)
                    || (baseline.isPresent() && !judgeable(sinceStage.total(), restOfStage))) {
                continue;
            }
            SloReport without = judge(rest, restOfStage, baseline, tenantsHeld);
            if (halt.isPresent() && without.haltReason().isEmpty()) {
                setAside.add(new SloReport.SetAside("halt", tenant, halt.get()));
                halt = Optional.empty();
            }
            if (rollback.isPresent() && without.rollbackReason().isEmpty()) {
                setAside.add(new SloReport.SetAside("rollback", tenant, rollback.get()));
                rollback = Optional.empty();
            }
        }
        SloBaseline measured =
                SloBaseline.of(
                        window.without(setAside.stream().map(SloReport.SetAside::tenant).toList()));
        return new SloReport(fleet.window(), fleet.slos(), measured, halt, rollback, setAside);
    }

    /** Whether {@code rest} has enough events to be judged wherever {@code fleet} had. */
    private boolean judgeable(SloCounts fleet, SloCounts rest) {
        long min = settings.minReads();
        return (fleet.reads() < min || rest.reads() >= min)
                && (fleet.lookups() < min || rest.lookups() >= min)
                && (fleet.cacheHits() + fleet.cacheMisses() < min
                        || rest.cacheHits() + rest.cacheMisses() >= min);
    }

    /**
     * The seed's rollback criteria, each judged only on enough events (one slow lookup of three is
     * noise), except wrong answers: tenants held for dual-read mismatches are judged first.
     */
    private Optional<String> rollbackReason(
            Optional<SloStatus> worst, SloCounts stage, SloBaseline baseline, long tenantsHeld) {
        if (tenantsHeld >= TENANTS_HELD_FOR_ROLLBACK) {
            return Optional.of(
                    tenantsHeld
                            + " tenants held on their YAML for dual-read mismatches since the stage"
                            + " began: more than one tenant's data, so the registry answers"
                            + " wrongly");
        }
        Optional<SloStatus> overspent =
                worst.filter(slo -> slo.budgetConsumed() > settings.rollbackAt());
        if (overspent.isPresent()) {
            return Optional.of(budgetText(overspent.get(), settings.rollbackAt()));
        }
        long min = settings.minReads();
        if (stage.reads() >= min
                && stage.errorRate() > baseline.errorRate() + settings.errorRateRise()) {
            return Optional.of(
                    String.format(
                            Locale.ROOT,
                            "error rate %.2f %% since the stage began, over its baseline %.2f %% +"
                                    + " %.0f points",
                            100 * stage.errorRate(),
                            100 * baseline.errorRate(),
                            100 * settings.errorRateRise()));
        }
        if (stage.lookups() >= min
                && stage.p95Millis() > baseline.p95Millis() + settings.p95Rise().toMillis()) {
            return Optional.of(
                    String.format(
                            Locale.ROOT,
                            "lookup p95 %d ms since the stage began, over its baseline %d ms + %d ms",
                            stage.p95Millis(),
                            baseline.p95Millis(),
                            settings.p95Rise().toMillis()));
        }
        if (stage.cacheHits() + stage.cacheMisses() >= min
                && stage.cacheHitRatio() < settings.cacheHitFloor()) {
            return Optional.of(
                    String.format(
                            Locale.ROOT,
                            "cache hit ratio %.1f %% since the stage began, under the %.0f %% floor",
                            100 * stage.cacheHitRatio(),
                            100 * settings.cacheHitFloor()));
        }
        return Optional.empty();
    }

    private static String budgetText(SloStatus slo, double threshold) {
        return String.format(
                Locale.ROOT,
                "%s error budget %.0f %% consumed (over %.0f %%): actual %.4f against target %.4f"
                        + " over %d events",
                slo.name(),
                100 * slo.budgetConsumed(),
                100 * threshold,
                slo.actual(),
                slo.target(),
                slo.events());
    }

    private SloStatus availability(SloCounts c) {
        double allowed = 1 - settings.availabilityTarget();
        return new SloStatus(
                SloSettings.AVAILABILITY,
                settings.availabilityTarget(),
                1 - c.errorRate(),
                c.errorRate() / allowed,
                c.reads());
    }

    private SloStatus latency(SloCounts c) {
        double allowed = 1 - settings.latencyTarget();
        return new SloStatus(
                SloSettings.LOOKUP_LATENCY,
                settings.latencyTarget(),
                1 - c.slowRate(),
                c.slowRate() / allowed,
                c.lookups());
    }

    /** The budget is the room between target and floor: at the floor it is all spent. */
    private SloStatus cacheHit(SloCounts c) {
        double room = settings.cacheHitTarget() - settings.cacheHitFloor();
        double shortfall = Math.max(0, settings.cacheHitTarget() - c.cacheHitRatio());
        return new SloStatus(
                SloSettings.CACHE_HIT,
                settings.cacheHitTarget(),
                c.cacheHitRatio(),
                shortfall / room,
                c.cacheHits() + c.cacheMisses());
    }
}
