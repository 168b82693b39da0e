package dcl.registry.application;

import dcl.registry.domain.decision.Adherence;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.decision.IntelligenceModels;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.DecisionLogUseCase;
import dcl.registry.domain.port.out.DecisionLog;
import dcl.registry.domain.port.out.ProposalObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The decision audit trail: each decision is judged against the configuration the store holds for
 * the tenant at that moment ({@link Adherence}) and recorded in the transaction of what it
 * produced; read back as a stream or a report; kept as long as the retention policy says.
 */
public class DecisionService implements DecisionLogUseCase {
    private static final Logger LOG = Logger.getLogger(DecisionService.class.getName());
    private static final int PAGE = 500;

    private final DecisionLog log;
    private final StrategyAssignments assignments;
    private final IntelligenceModels models;
    private final ProposalObserver observer;
    private final Clock clock;

    public DecisionService(
            DecisionLog log,
            StrategyAssignments assignments,
            IntelligenceModels models,
            ProposalObserver observer,
            Clock clock) {
        this.log = log;
        this.assignments = assignments;
        this.models = models;
        this.observer = observer;
        this.clock = clock;
    }

    /** What a decision for the tenant is made under on this node now. */
    public ConfigurationSnapshot snapshotFor(TenantId tenant) {
        return models.snapshot(assignments.forTenant(tenant));
    }

    /** Records a drift repair the repair policy decided (not a strategy). */
    public Decision recordRepair(MappingProposal repair, Duration latency) {
        return record(
                repair,
                DecisionKind.DRIFT_REPAIR,
                snapshotFor(repair.tenant()),
                Adherence.DRIFT_REPAIR,
                Optional.empty(),
                latency);
    }

    /**
     * Records the decision behind {@code proposal}, made under {@code used}; call inside the
     * transaction that stores the proposal.
     *
     * @param selectionReason why the selected strategy is not the configuration's own
     */
    public Decision record(
            MappingProposal proposal,
            DecisionKind kind,
            ConfigurationSnapshot used,
            String selected,
            Optional<String> selectionReason,
            Duration latency) {
        return judgedAndKept(
                new Decision(
                        UUID.randomUUID(),
                        proposal.createdAt(),
                        proposal.tenant(),
                        kind,
                        proposal.source(),
                        used,
                        selected,
                        selectionReason,
                        proposal.strategy(),
                        proposal.answer().rankingModel(),
                        proposal.degraded(),
                        Optional.of(proposal.best().target()),
                        proposal.best().score(),
                        latency,
                        Optional.empty(),
                        Optional.of(proposal.id())));
    }

    /** Records a proposal no strategy could answer ({@code failure} says why). */
    public Decision recordUnanswered(
            TenantId tenant,
            SourceRef source,
            ConfigurationSnapshot used,
            String selected,
            Optional<String> selectionReason,
            Fallback failure,
            Duration latency) {
        return judgedAndKept(
                new Decision(
                        UUID.randomUUID(),
                        clock.instant(),
                        tenant,
                        DecisionKind.PROPOSAL,
                        source,
                        used,
                        selected,
                        selectionReason,
                        Adherence.NONE,
                        Optional.empty(),
                        List.of(failure),
                        Optional.empty(),
                        0,
                        latency,
                        Optional.empty(),
                        Optional.empty()));
    }

    private Decision judgedAndKept(Decision made) {
        long started = System.nanoTime();
        Optional<String> violation =
                Adherence.judge(
                        made.configuration(),
                        assignments.demanded(made.tenant()),
                        made.strategySelected(),
                        made.strategyAnswered(),
                        made.confidence(),
                        made.fallbacks());
        Decision decision = made.judged(violation);
        log.record(decision);
        Duration recording = Duration.ofNanos(System.nanoTime() - started);
        violation.ifPresent(
                v ->
                        LOG.warning(
                                () ->
                                        "Decision "
                                                + decision.id()
                                                + " for "
                                                + decision.source()
                                                + " (tenant "
                                                + decision.tenant().value()
                                                + ") violated its configuration: "
                                                + v));
        observer.decided(decision, recording);
        return decision;
    }

    @Override
    public void each(TenantId tenant, DecisionQuery query, Consumer<Decision> each) {
        Optional<Decision> last = Optional.empty();
        List<Decision> page;
        do {
            page = log.page(tenant, query, last, PAGE);
            page.forEach(each);
            last = page.isEmpty() ? last : Optional.of(page.get(page.size() - 1));
        } while (page.size() == PAGE);
    }

    @Override
    public DecisionReport report(TenantId tenant, Instant from, Instant to) {
        DecisionReport report = new DecisionReport(from, to);
        each(tenant, DecisionQuery.between(from, to), report::add);
        return report;
    }

    /**
     * Forgets what the retention policy no longer keeps: decisions older than {@code maxAge}, then
     * each tenant's oldest beyond its newest {@code maxDecisions}. Run by the nightly schedule.
     */
    public long enforceRetention(Duration maxAge, long maxDecisions) {
        long forgotten = log.forgetBefore(clock.instant().minus(maxAge));
        forgotten += log.keepNewest(maxDecisions);
        long total = forgotten;
        LOG.info(
                () ->
                        "Decision retention: "
                                + total
                                + " decisions forgotten (older than "
                                + maxAge.toDays()
                                + " days or beyond the newest "
                                + maxDecisions
                                + ")");
        return forgotten;
    }
}
