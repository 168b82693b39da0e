package dcl.registry.domain.port.in;

import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;

/** Proposes (and stores) a canonical target for a source field. */
public interface ProposeMappingUseCase {
  MappingProposal propose(TenantId tenant, Actor actor, ProposalRequest request);
}
