package dcl.registry.application;

import dcl.registry.domain.error.NoSimilarMapping;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalContext;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyAnswer;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposes canonical targets with the configured strategy over the tenant's canonical schema, and stores
 * every proposal with its evidence. Fallbacks taken are written to the audit trail and reported to the
 * metrics as well as returned.
 */
public class ProposalService implements ProposeMappingUseCase, RagLookupUseCase {
  static final int ALTERNATIVES = 3;

  private final CanonicalSchemaUseCase schemas;
  private final ProposalStrategy strategy;
  private final SemanticSearch search;
  private final double lookupThreshold;
  private final StoreProposals proposals;
  private final AuditTrail audit;
  private final ProposalObserver observer;
  private final TransactionBoundary transactions;
  private final Clock clock;

  public ProposalService(CanonicalSchemaUseCase schemas, ProposalStrategy strategy, SemanticSearch search,
      double lookupThreshold, StoreProposals proposals, AuditTrail audit, ProposalObserver observer,
      TransactionBoundary transactions, Clock clock) {
    this.schemas = schemas;
    this.strategy = strategy;
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
    StrategyAnswer answer = strategy.propose(new ProposalContext(tenant, schemas.schema(tenant), request, 1 + ALTERNATIVES));
    MappingProposal proposal = new MappingProposal(UUID.randomUUID(), tenant, request.source(), answer, clock.instant(), actor);
    transactions.inTransaction(() -> {
      proposals.save(proposal);
      String fallbacks = proposal.degraded().isEmpty() ? "" : " after fallbacks " + proposal.degraded();
      audit.recordSetting(tenant, actor, proposal.createdAt(), "proposal:" + proposal.id(), "-",
          proposal.best().target() + " by " + proposal.strategy() + fallbacks,
          Optional.of("proposal for " + request.source()));
      return proposal;
    });
    observer.proposed(proposal);
    return proposal;
  }

  @Override
  public SimilarMapping lookUp(TenantId tenant, SourceRef source) {
    List<SimilarMapping> nearest = search.similarMappings(tenant,
        new ProposalRequest(source, List.of(), Optional.empty(), Optional.empty(), Optional.empty()), 1);
    return nearest.stream().filter(s -> s.similarity() >= lookupThreshold).findFirst()
        .orElseThrow(() -> new NoSimilarMapping(source.toString(), lookupThreshold));
  }
}
