package dcl.registry.domain.port.in;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.UUID;

/** Proposes (and stores) a canonical target for a source field. */
public interface ProposeMappingUseCase {
    /** With the configured strategy, listing {@code alternatives} candidates after the best. */
    MappingProposal propose(
            TenantId tenant, Actor actor, ProposalRequest request, AlternativesWanted alternatives);

    /**
     * With the strategy the caller names (exactly that one: no fallback), e.g. to compare
     * strategies.
     *
     * @throws dcl.registry.domain.error.InvalidInput when that strategy is not configured here
     */
    MappingProposal propose(
            TenantId tenant,
            Actor actor,
            ProposalRequest request,
            StrategyName strategy,
            AlternativesWanted alternatives);

    /**
     * A stored proposal with its evidence, for reviewers.
     *
     * @throws dcl.registry.domain.error.ResourceNotFound when the tenant has no such proposal
     */
    StoredProposal stored(TenantId tenant, UUID id);
}
