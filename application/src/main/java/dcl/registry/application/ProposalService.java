package dcl.registry.application;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.LexicalMatcher;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.in.ProposeMappingUseCase;
import dcl.registry.domain.port.out.StoreProposals;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Proposes canonical targets with the lexical strategy (local, no network) over the tenant's
 * canonical schema, and stores every proposal with its evidence.
 */
public class ProposalService implements ProposeMappingUseCase {
  static final int ALTERNATIVES = 3;

  private final CanonicalSchemaUseCase schemas;
  private final StoreProposals proposals;
  private final TransactionBoundary transactions;
  private final Clock clock;

  public ProposalService(CanonicalSchemaUseCase schemas, StoreProposals proposals, TransactionBoundary transactions, Clock clock) {
    this.schemas = schemas;
    this.proposals = proposals;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public MappingProposal propose(TenantId tenant, Actor actor, ProposalRequest request) {
    CanonicalSchema schema = schemas.schema(tenant);
    List<Candidate> ranked = LexicalMatcher.rank(schema, request, 1 + ALTERNATIVES);
    MappingProposal proposal = new MappingProposal(UUID.randomUUID(), tenant, request.source(), ranked, "lexical",
        List.of(), clock.instant(), actor);
    return transactions.inTransaction(() -> {
      proposals.save(proposal);
      return proposal;
    });
  }
}
