package dcl.registry.server;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.port.out.ProposalObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
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

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

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
