package dcl.registry.domain.port.out;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Keeps proposals with their evidence, for review and approval. */
public interface StoreProposals {
    void save(MappingProposal proposal);

    Optional<StoredProposal> byId(TenantId tenant, UUID id);
}
