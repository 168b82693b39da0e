package dcl.registry.server;

import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.port.out.ProposalObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Proposals by answering strategy, and every fallback by the strategy that failed, in /metrics;
 * each fallback also in the log. Reasons stay out of the tags (they carry numbers) so the series
 * stay few.
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
}
