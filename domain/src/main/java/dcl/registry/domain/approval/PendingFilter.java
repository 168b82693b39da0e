package dcl.registry.domain.approval;

import dcl.registry.domain.model.ConnectorId;
import java.time.Duration;
import java.util.Optional;

/**
 * Which pending approvals a reviewer wants: of one connector, about one canonical entity, waiting
 * at least this long.
 */
public record PendingFilter(
        Optional<ConnectorId> connector, Optional<String> entity, Optional<Duration> minAge) {}
