package dcl.registry.domain.approval;

import dcl.registry.domain.model.ConnectorId;
import java.time.Instant;
import java.util.Optional;

/** Which pending approvals a reviewer wants: of one connector, about one canonical entity, submitted before a time. */
public record PendingFilter(Optional<ConnectorId> connector, Optional<String> entity, Optional<Instant> submittedBefore) {
  public static PendingFilter all() {
    return new PendingFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
