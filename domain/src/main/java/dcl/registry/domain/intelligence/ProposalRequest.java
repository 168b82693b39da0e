package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.SourceRef;
import java.util.List;
import java.util.Optional;

/** A source field to map, with whatever the runtime knows about it. */
public record ProposalRequest(
    SourceRef source, List<String> samples, Optional<String> description, Optional<String> tableDescription,
    Optional<String> type) {
  public ProposalRequest {
    samples = List.copyOf(samples);
  }
}
