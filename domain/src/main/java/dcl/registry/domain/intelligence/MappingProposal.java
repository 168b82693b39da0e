package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored proposal: what a strategy suggests for a source field, with its evidence (the ranked
 * candidates, why, and every fallback taken). It goes live only through a reviewer's approval.
 */
public record MappingProposal(
    UUID id, TenantId tenant, SourceRef source, List<Candidate> candidates, String strategy, List<String> degraded,
    Instant createdAt, Actor createdBy) {

  public MappingProposal {
    candidates = List.copyOf(candidates);
    degraded = List.copyOf(degraded);
  }

  public Candidate best() {
    return candidates.get(0);
  }
}
