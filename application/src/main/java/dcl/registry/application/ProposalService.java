package dcl.registry.application;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.NoSimilarMapping;
import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalContext;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyAnswer;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposes canonical targets with the configured strategy over the tenant's canonical schema, and
 * stores every proposal with its evidence. Fallbacks taken are written to the audit trail and
 * reported to the metrics as well as returned.
 */
public class ProposalService implements ProposeMappingUseCase, RagLookupUseCase {
    static final int ALTERNATIVES = 3;

    private final CanonicalSchemaUseCase schemas;
    private final StrategyName configured;
    private final Map<StrategyName, ProposalStrategy> strategies;
    private final SemanticSearch search;
    private final double lookupThreshold;
    private final StoreProposals proposals;
    private final AuditTrail audit;
    private final ProposalObserver observer;
    private final TransactionBoundary transactions;
    private final Clock clock;

    /**
     * {@code strategies} holds every strategy this installation can run, the configured one among
     * them.
     */
    public ProposalService(
            CanonicalSchemaUseCase schemas,
            StrategyName configured,
            Map<StrategyName, ProposalStrategy> strategies,
            SemanticSearch search,
            double lookupThreshold,
            StoreProposals proposals,
            AuditTrail audit,
            ProposalObserver observer,
            TransactionBoundary transactions,
            Clock clock) {
        this.schemas = schemas;
        this.configured = configured;
        this.strategies = Map.copyOf(strategies);
        if (!strategies.containsKey(configured)) {
            throw new IllegalArgumentException(
                    "the configured strategy " + configured.label() + " is not available");
        }
        this.search = search;
        this.lookupThreshold = lookupThreshold;
        this.proposals = proposals;
        this.audit = audit;
        this.observer = observer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public MappingProposal propose(TenantId tenant, Actor actor, ProposalRequest request) {
        return propose(tenant, actor, request, configured);
    }

    @Override
    public MappingProposal propose(
            TenantId tenant, Actor actor, ProposalRequest request, StrategyName name) {
        ProposalStrategy strategy = strategies.get(name);
        if (strategy == null) {
            throw new InvalidInput(
                    "strategy",
                    name.label()
                            + " is not configured on this installation; available: "
                            + strategies.keySet().stream()
                                    .map(StrategyName::label)
                                    .sorted()
                                    .toList());
        }
        StrategyAnswer answer =
                strategy.propose(
                        new ProposalContext(
                                tenant, schemas.schema(tenant), request, 1 + ALTERNATIVES));
        MappingProposal proposal =
                new MappingProposal(
                        UUID.randomUUID(),
                        tenant,
                        request.source(),
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
                    return proposal;
                });
        observer.proposed(proposal);
        return proposal;
    }

    @Override
    public StoredProposal stored(TenantId tenant, UUID id) {
        return proposals.byId(tenant, id).orElseThrow(() -> new ResourceNotFound("proposal " + id));
    }

    @Override
    public SimilarMapping lookUp(TenantId tenant, SourceRef source) {
        List<SimilarMapping> nearest =
                search.similarMappings(
                        tenant,
                        new ProposalRequest(
                                source,
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        1);
        return nearest.stream()
                .filter(s -> s.similarity() >= lookupThreshold)
                .findFirst()
                .orElseThrow(() -> new NoSimilarMapping(source.toString(), lookupThreshold));
    }
}
