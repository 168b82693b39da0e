package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.MappingProposal;
import java.util.List;

/** A stored proposal: the best target, the alternatives, which strategy answered, and every fallback taken. */
public record ProposalResponse(
    String proposalId, String canonicalEntity, String canonicalField, double confidence, String reasoning,
    String strategy, List<Alternative> alternatives, List<String> degraded) {

  /** Another candidate. */
  public record Alternative(String canonicalEntity, String canonicalField, double confidence) {}

  static ProposalResponse from(MappingProposal p) {
    return new ProposalResponse(p.id().toString(), p.best().target().entity(), p.best().target().field(), p.best().score(),
        p.best().reasoning(), p.strategy(),
        p.candidates().stream().skip(1)
            .map(c -> new Alternative(c.target().entity(), c.target().field(), c.score())).toList(),
        p.degraded());
  }
}
