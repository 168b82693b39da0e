package dcl.registry.domain.port.out;

import dcl.registry.domain.intelligence.MappingProposal;

/** Keeps proposals with their evidence, for review and approval. */
public interface StoreProposals {
  void save(MappingProposal proposal);
}
