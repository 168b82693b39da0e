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
        String status,
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
}
