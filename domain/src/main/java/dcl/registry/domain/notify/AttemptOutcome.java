package dcl.registry.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What follows one delivery attempt: the delivery's next status and, while it stays PENDING, when
 * it is tried again.
 */
public record AttemptOutcome(DeliveryStatus status, Optional<Instant> retryAt) {
    public AttemptOutcome {
        Objects.requireNonNull(status);
        if ((status == DeliveryStatus.PENDING) != retryAt.isPresent()) {
            throw new IllegalArgumentException(
                    "a pending delivery, and only a pending one, has a time for its next attempt");
        }
    }
}
