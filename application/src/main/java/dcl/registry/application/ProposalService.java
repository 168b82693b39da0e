package dcl.registry.application;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.error.NoSimilarMapping;
import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalContext;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.in.ProposeMappingUseCase;
import dcl.registry.domain.port.in.RagLookupUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.ProposalObserver;
import dcl.registry.domain.port.out.SemanticSearch;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Proposes canonical targets over the tenant's canonical schema with the configuration in force for
 * the tenant (its own, the fleet's rollout, or the installation's), and stores every proposal with
 * its evidence and its decision record. Fallbacks taken are written to the audit trail and reported
 * to the metrics as well as returned; a shadowed candidate is run afterwards, off the caller's
 * path.
 */
public class ProposalService implements ProposeMappingUseCase, RagLookupUseCase {
    private static final Logger LOG = Logger.getLogger(ProposalService.class.getName());
    private static final String NAMED_IN_REQUEST = "named in the request";

    private final CanonicalSchemaUseCase schemas;
    private final StrategyCatalog catalog;
    private final DecisionService decisions;
    private final ShadowService shadow;
    private final SemanticSearch search;
    private final double lookupThreshold;
    private final StoreProposals proposals;
    private final AuditTrail audit;
    private final ProposalObserver observer;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public ProposalService(
            CanonicalSchemaUseCase schemas,
            StrategyCatalog catalog,
            DecisionService decisions,
            ShadowService shadow,
            SemanticSearch search,
            double lookupThreshold,
            StoreProposals proposals,
            AuditTrail audit,
            ProposalObserver observer,
            TransactionBoundary transactions,
            Clock clock) {
        this.schemas = schemas;
        this.catalog = catalog;
        this.decisions = decisions;
        this.shadow = shadow;
        this.search = search;
        this.lookupThreshold = lookupThreshold;
        this.proposals = proposals;
        this.audit = audit;
        this.observer = observer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public MappingProposal propose(
            TenantId tenant,
            Actor actor,
            ProposalRequest request,
            AlternativesWanted alternatives) {
        ConfigurationSnapshot used = decisions.snapshotFor(tenant);
        StrategyConfiguration configured = used.effective().configuration();
        return propose(tenant, actor, request, alternatives, used, configured, Optional.empty());
    }

    @Override
    public MappingProposal propose(
            TenantId tenant,
            Actor actor,
            ProposalRequest request,
            StrategyName name,
            AlternativesWanted alternatives) {
        ConfigurationSnapshot used = decisions.snapshotFor(tenant);
        StrategyConfiguration named =
                new StrategyConfiguration(
                        name, used.effective().configuration().mixedRagThreshold());
        return propose(
                tenant, actor, request, alternatives, used, named, Optional.of(NAMED_IN_REQUEST));
    }

    private MappingProposal propose(
            TenantId tenant,
            Actor actor,
            ProposalRequest request,
            AlternativesWanted alternatives,
            ConfigurationSnapshot used,
            StrategyConfiguration selected,
            Optional<String> selectionReason) {
        ProposalStrategy strategy = catalog.strategyFor(selected);
        ProposalContext context =
                new ProposalContext(
                        tenant, schemas.schema(tenant), request, alternatives.candidates());
        long started = System.nanoTime();
        StrategyAnswer answer;
        try {
            answer = strategy.propose(context);
        } catch (StrategyUnavailable unavailable) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            try {
                transactions.inTransaction(
                        () ->
                                decisions.recordUnanswered(
                                        tenant,
                                        request.source(),
                                        used,
                                        selected.strategy().label(),
                                        selectionReason,
                                        unavailable.fallback(),
                                        latency));
            } catch (RuntimeException unrecorded) {
                // the caller still learns why no strategy answered; the lost record is said here
                LOG.log(
                        Level.WARNING,
                        "The decision of an unanswered proposal for "
                                + request.source()
                                + " could not be recorded",
                        unrecorded);
            }
            throw unavailable;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        MappingProposal proposal =
                new MappingProposal(
                        UUID.randomUUID(),
                        tenant,
                        request.source(),
                        request.samples(),
                        answer,
                        clock.instant(),
                        actor);
        transactions.inTransaction(
                () -> {
                    proposals.save(proposal);
                    String fallbacks =
                            proposal.degraded().isEmpty()
                                    ? ""
                                    : " after fallbacks " + proposal.degraded();
                    audit.recordSetting(
                            tenant,
                            actor,
                            proposal.createdAt(),
                            "proposal:" + proposal.id(),
                            "-",
                            proposal.best().target() + " by " + proposal.strategy() + fallbacks,
                            Optional.of("proposal for " + request.source()));
                    return decisions.record(
                            proposal,
                            DecisionKind.PROPOSAL,
                            used,
                            selected.strategy().label(),
                            selectionReason,
                            latency);
                });
        observer.proposed(proposal);
        if (selectionReason.isEmpty()) {
            // only what serves the tenant is a baseline for its shadow, not a strategy a caller
            // named to compare
            shadow.consider(context, proposal, used.effective().version());
        }
        return proposal;
    }

    @Override
    public StoredProposal stored(TenantId tenant, UUID id) {
        return proposals.byId(tenant, id).orElseThrow(() -> new ResourceNotFound("proposal " + id));
    }

    @Override
    public SimilarMapping lookUp(TenantId tenant, SourceRef source) {
        List<SimilarMapping> nearest =
                search.similarMappings(tenant, ProposalRequest.of(source), 1);
        return nearest.stream()
                .filter(s -> s.similarity() >= lookupThreshold)
                .findFirst()
                .orElseThrow(() -> new NoSimilarMapping(source.toString(), lookupThreshold));
    }
}
