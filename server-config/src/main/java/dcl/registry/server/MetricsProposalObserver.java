package dcl.registry.server;

import dcl.registry.domain.decision.Adherence;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.port.out.ProposalObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Proposals by answering strategy, every fallback by the strategy that failed, and decisions by who
 * answered and whether they kept to their configuration, in /metrics; each fallback also in the
 * log. Reasons stay out of the tags (they carry numbers) so the series stay few.
 */
@ApplicationScoped
public class MetricsProposalObserver implements ProposalObserver {
    private static final Logger LOG = Logger.getLogger(MetricsProposalObserver.class.getName());

    /** What a decision can name as having answered (a drift repair without its kind of change). */
    private static final List<String> ANSWERED =
            Stream.concat(
                            Arrays.stream(StrategyName.values())
                                    .filter(s -> s != StrategyName.MIXED)
                                    .map(StrategyName::label),
                            Stream.of(Adherence.DRIFT_REPAIR, Adherence.NONE))
                    .toList();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /**
     * Every decision series exists from start-up at 0: a counter first made at 1 shows Prometheus
     * no increase, and the first violation on a node would go unseen by the alert.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String answered : ANSWERED) {
            for (String violation : new String[] {"true", "false"}) {
                registry.counter(
                        "dcl_decisions",
                        new Tag("answered", answered),
                        new Tag("violation", violation));
            }
        }
    }

    @Override
    public void proposed(MappingProposal proposal) {
        registry.counter("dcl_proposals", new Tag("strategy", proposal.strategy())).inc();
        for (Fallback fallback : proposal.degraded()) {
            registry.counter("dcl_proposal_fallbacks", new Tag("strategy", fallback.strategy()))
                    .inc();
            LOG.warning(
                    () ->
                            "Proposal "
                                    + proposal.id()
                                    + " for "
                                    + proposal.source()
                                    + " (tenant "
                                    + proposal.tenant()
                                    + ") fell back: "
                                    + fallback
                                    + "; answered by "
                                    + proposal.strategy());
        }
    }

    /**
     * Decisions by who answered, violations apart (a violation is an alert, never only a line), and
     * what recording each cost ({@code dcl_decision_recording_seconds}: the audit's overhead).
     */
    @Override
    public void decided(Decision decision, Duration recording) {
        registry.timer("dcl_decision_recording").update(recording);
        registry.counter(
                        "dcl_decisions",
                        new Tag("answered", answeredTag(decision.strategyAnswered())),
                        new Tag("violation", Boolean.toString(decision.violated())))
                .inc();
    }

    /** A drift repair's kind of change stays out of the tag, so the series stay few. */
    private static String answeredTag(String answered) {
        int colon = answered.indexOf(':');
        return colon < 0 ? answered : answered.substring(0, colon);
    }
}
