package dcl.registry.domain.notify;

import dcl.registry.domain.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One event to deliver to one webhook, and how it went so far. */
public record WebhookDelivery(
        String id,
        TenantId tenant,
        Webhook webhook,
        String event,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Optional<Instant> deliveredAt,
        Optional<Integer> lastHttpStatus,
        Optional<String> lastError) {

    /** Attempts before a delivery is given up (FAILED): about a minute of backoff in all. */
    public static final int MAX_ATTEMPTS = 6;

    /** The pause before the next attempt after {@code attempts} failed ones: 1, 2, 4, 8, 16 s. */
    public static Duration backoff(int attempts) {
        return Duration.ofSeconds(1L << Math.max(0, Math.min(attempts - 1, 10)));
    }

    /**
     * What follows this delivery's next attempt, which got {@code result} at {@code now}: DELIVERED
     * on a 2xx answer; PENDING, after a {@link #backoff}, while another attempt may go differently
     * and attempts are left; FAILED otherwise.
     *
     * @throws IllegalStateException when the delivery is finished: only a PENDING one is attempted
     */
    public AttemptOutcome afterAttempt(DeliveryResult result, Instant now) {
        int attempt = attempts + 1;
        AttemptOutcome next;
        if (result.delivered()) {
            next = new AttemptOutcome(DeliveryStatus.DELIVERED, Optional.empty());
        } else if (result.worthRetrying() && attempt < MAX_ATTEMPTS) {
            next =
                    new AttemptOutcome(
                            DeliveryStatus.PENDING, Optional.of(now.plus(backoff(attempt))));
        } else {
            next = new AttemptOutcome(DeliveryStatus.FAILED, Optional.empty());
        }
        if (!status.allows(next.status())) {
            throw new IllegalStateException(
                    "delivery " + id + " is " + status + " and cannot become " + next.status());
        }
        return next;
    }
}
