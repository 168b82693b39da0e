package dcl.registry.domain.notify;

import static dcl.registry.domain.notify.DeliveryStatus.DELIVERED;
import static dcl.registry.domain.notify.DeliveryStatus.FAILED;
import static dcl.registry.domain.notify.DeliveryStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static WebhookDelivery delivery(DeliveryStatus status, int attempts) {
        return new WebhookDelivery(
                "d-1",
                new TenantId("acme"),
                new Webhook("reviewers", URI.create("https://hooks.example.com/x"), "s".repeat(32)),
                "approval.approved",
                "{}",
                status,
                attempts,
                NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void givenTheStatuses_whenAskedWhatFollows_thenOnlyAPendingDeliveryMoves() {
        assertEquals(EnumSet.of(PENDING, DELIVERED, FAILED), PENDING.next());
        assertEquals(EnumSet.noneOf(DeliveryStatus.class), DELIVERED.next());
        assertEquals(EnumSet.noneOf(DeliveryStatus.class), FAILED.next());
    }

    @Test
    void givenA2xxAnswer_whenAttempted_thenDelivered() {
        assertEquals(
                new AttemptOutcome(DELIVERED, Optional.empty()),
                delivery(PENDING, 0).afterAttempt(DeliveryResult.answered(204), NOW));
    }

    @Test
    void givenAFailureWorthRetrying_whenAttemptsAreLeft_thenPendingAfterTheBackoff() {
        assertEquals(
                new AttemptOutcome(PENDING, Optional.of(NOW.plus(WebhookDelivery.backoff(3)))),
                delivery(PENDING, 2).afterAttempt(DeliveryResult.answered(503), NOW));
        assertEquals(
                new AttemptOutcome(PENDING, Optional.of(NOW.plusSeconds(1))),
                delivery(PENDING, 0).afterAttempt(DeliveryResult.failed(Failure.NO_ANSWER), NOW));
    }

    @Test
    void givenTheLastAttemptFails_whenAttempted_thenFailed() {
        assertEquals(
                new AttemptOutcome(FAILED, Optional.empty()),
                delivery(PENDING, WebhookDelivery.MAX_ATTEMPTS - 1)
                        .afterAttempt(DeliveryResult.answered(500), NOW));
    }

    @Test
    void givenARefusedTarget_whenAttempted_thenFailedAtOnce() {
        assertEquals(
                new AttemptOutcome(FAILED, Optional.empty()),
                delivery(PENDING, 0)
                        .afterAttempt(DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED), NOW));
    }

    @Test
    void givenAFinishedDelivery_whenAttempted_thenRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> delivery(DELIVERED, 1).afterAttempt(DeliveryResult.answered(200), NOW));
        assertThrows(
                IllegalStateException.class,
                () -> delivery(FAILED, 6).afterAttempt(DeliveryResult.answered(200), NOW));
    }

    @Test
    void givenAnOutcome_whenOnlyAPendingOneHasARetryTime_thenItIsConsistent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttemptOutcome(PENDING, Optional.empty()));
        assertThrows(
                IllegalArgumentException.class, () -> new AttemptOutcome(FAILED, Optional.of(NOW)));
    }
}
