package dcl.registry.server;

import dcl.registry.adapters.persistence.cache.CacheMetrics;
import dcl.registry.application.RolloutPlanService;
import dcl.registry.application.RolloutService;
import dcl.registry.application.ServiceLevelService;
import dcl.registry.application.ServiceLevelTally;
import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.RolloutNotifications;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.slo.SloJudge;
import dcl.registry.domain.slo.SloReport;
import dcl.registry.domain.slo.SloSettings;
import dcl.registry.domain.slo.SloStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * SLOs and the rollout guard: the node's tally, the report, the plan; and the schedule that every
 * {@code dcl.rollout.guard.interval} (15 s) adds this node's counts (cache reads included) to the
 * shared buckets, judges the SLOs and acts on the rollout. The last judgement is exported as {@code
 * dcl_slo_budget_consumed_ratio} and the stage in force as {@code dcl_rollout_plan_percent}.
 */
@ApplicationScoped
public class ServiceLevelWiring {
    private static final Logger LOG = Logger.getLogger(ServiceLevelWiring.class.getName());

    private final SloConfiguration configuration = SloConfiguration.configured();

    @Resource ManagedScheduledExecutorService scheduler;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private volatile ScheduledFuture<?> guardTask;
    private volatile SloReport lastReport;
    private List<String> setAsideLogged = List.of();

    @Produces
    @Singleton
    SloJudge judge() {
        return new SloJudge(configuration.settings());
    }

    /** Named uniquely per process: a restarted node adds to new rows, never to its old ones. */
    @Produces
    @Singleton
    ServiceLevelTally tally(SloJudge judge, Clock clock) {
        SloSettings s = judge.settings();
        String node = "node-" + UUID.randomUUID().toString().substring(0, 13);
        return new ServiceLevelTally(node, clock, s.bucket(), s.latencyThreshold(), s.window());
    }

    @Produces
    @Singleton
    ServiceLevelService serviceLevels(
            SloBuckets buckets,
            RolloutPlans plans,
            RolloutStore tenants,
            ServiceLevelTally tally,
            SloJudge judge,
            Clock clock) {
        return new ServiceLevelService(buckets, plans, tenants, tally, judge, clock);
    }

    @Produces
    @Singleton
    RolloutPlanService rolloutPlan(
            RolloutPlans plans,
            RolloutStore tenants,
            RolloutService rollout,
            ServiceLevelService levels,
            ServiceLevelTally tally,
            SloBuckets buckets,
            AuditTrail audit,
            RolloutNotifications notifications,
            TransactionBoundary transactions,
            Clock clock) {
        return new RolloutPlanService(
                plans,
                tenants,
                rollout,
                levels,
                tally,
                buckets,
                audit,
                notifications,
                transactions,
                clock);
    }

    void atStart(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            RolloutPlanService guard,
            ServiceLevelTally tally,
            CacheMetrics cache,
            RolloutService rollout) {
        for (String slo :
                new String[] {
                    SloSettings.AVAILABILITY, SloSettings.LOOKUP_LATENCY, SloSettings.CACHE_HIT
                }) {
            registry.gauge(
                    "dcl_slo_budget_consumed_ratio",
                    this,
                    wiring -> wiring.consumed(slo),
                    new Tag("slo", slo));
        }
        registry.gauge(
                "dcl_rollout_plan_percent",
                rollout,
                r -> {
                    try {
                        return r.stageInForce().map(RolloutStage::percent).orElse(0);
                    } catch (StoreUnavailable outage) {
                        return -1; // unknown: the plan has never been read on this node
                    }
                });
        long every = configuration.guardInterval().toMillis();
        guardTask =
                scheduler.scheduleWithFixedDelay(
                        () -> guardRound(guard, tally, cache), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Before the application's beans (the database's among them) go: no round meets them closed.
     */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (guardTask != null) {
            guardTask.cancel(false);
        }
    }

    private void guardRound(RolloutPlanService guard, ServiceLevelTally tally, CacheMetrics cache) {
        try {
            cache.takeRuntimeReads()
                    .forEach(
                            (tenant, read) -> tally.cacheReads(tenant, read.hits(), read.misses()));
            SloReport report = guard.check();
            logNewlySetAside(report);
            lastReport = report;
        } catch (StoreUnavailable outage) {
            LOG.fine("Rollout guard: the database is out; counts wait for the next round");
        } catch (RuntimeException unexpected) {
            // a failed round must not end the schedule: the next one tries again
            LOG.log(Level.WARNING, "Rollout guard round failed", unexpected);
        }
    }

    /**
     * A halt or rollback set aside because one tenant's traffic alone explains it, in the service's
     * log with the tenant (the operators' side; the report names it to that tenant alone), once
     * until it changes.
     */
    private void logNewlySetAside(SloReport report) {
        // what and whose, not the figures, which move every round
        List<String> setAside =
                report.setAside().stream().map(s -> s.act() + " " + s.tenant()).toList();
        if (!setAside.equals(setAsideLogged)) {
            report.setAside().forEach(s -> LOG.warning("Rollout guard: " + s.describe(true)));
            setAsideLogged = setAside;
        }
    }

    /** The budget consumed at the last judgement; 0 before the first. */
    private double consumed(String slo) {
        SloReport report = lastReport;
        if (report == null) {
            return 0;
        }
        return report.slos().stream()
                .filter(s -> s.name().equals(slo))
                .mapToDouble(SloStatus::budgetConsumed)
                .findFirst()
                .orElse(0);
    }
}
