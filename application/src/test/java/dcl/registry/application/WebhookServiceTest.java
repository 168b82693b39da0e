package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.AttemptOutcome;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryResult.Failure;
import dcl.registry.domain.notify.DeliveryStatus;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.WebhookStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Registration refuses targets the policy does not allow; a refused delivery is given up at once,
 * no answer is retried.
 */
class WebhookServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final String SECRET = "reviewers-shared-secret-1";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final RecordingStore store = new RecordingStore();
    private DeliveryResult nextResult = DeliveryResult.answered(204);
    private final WebhookService service =
            new WebhookService(
                    store,
                    delivery -> nextResult,
                    TargetPolicy.PUBLIC_HTTPS,
                    new SettingsAudit(),
                    new MappingAdminServiceTest.ImmediateTransactions(),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    /** An attempt as recorded: its number, what came back and when the next one is due. */
    record Attempt(int attempt, DeliveryResult result, Optional<Instant> retryAt) {}

    @Test
    void givenAnInternalTarget_whenPut_thenItIsRefusedNamingTheUrlAndNothingIsStored() {
        for (String url :
                List.of(
                        "https://169.254.169.254/latest/meta-data",
                        "https://10.0.0.5/x",
                        "https://[::1]/x",
                        "http://hooks.example.com/x")) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class,
                            () ->
                                    service.put(
                                            ACME,
                                            new Actor("alice"),
                                            new Webhook("reviewers", URI.create(url), SECRET)),
                            url);
            assertEquals("url", refused.violations().get(0).field());
        }
        assertTrue(store.stored.isEmpty());
        assertTrue(
                service.put(
                        ACME,
                        new Actor("alice"),
                        new Webhook(
                                "reviewers", URI.create("https://hooks.example.com/x"), SECRET)));
    }

    @Test
    void givenATargetRefusedAtSendTime_whenDelivered_thenTheAttemptIsRecordedAndNotRetried() {
        nextResult = DeliveryResult.failed(Failure.TARGET_NOT_ALLOWED);
        service.deliverDue(10);
        assertEquals(List.of(new Attempt(1, nextResult, Optional.empty())), store.attempts);
    }

    @Test
    void givenNoAnswer_whenDelivered_thenTheAttemptIsRecordedAndRetriedWithBackoff() {
        nextResult = DeliveryResult.failed(Failure.NO_ANSWER);
        service.deliverDue(10);
        assertEquals(
                List.of(
                        new Attempt(
                                1, nextResult, Optional.of(NOW.plus(WebhookDelivery.backoff(1))))),
                store.attempts);
    }

    /** Webhook settings are audited; nothing here writes mappings. */
    static final class SettingsAudit implements AuditTrail {
        @Override
        public void record(MappingChange change) {
            throw new UnsupportedOperationException("webhooks write no mappings");
        }

        @Override
        public void recordSetting(
                TenantId tenant,
                Actor actor,
                Instant at,
                String setting,
                String before,
                String after,
                Optional<String> reason) {}
    }

    /** One due delivery; remembers what is stored and recorded. */
    static final class RecordingStore implements WebhookStore {
        final List<Webhook> stored = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();

        @Override
        public boolean put(TenantId tenant, Webhook webhook, Actor actor, Instant now) {
            stored.add(webhook);
            return true;
        }

        @Override
        public List<Webhook> all(TenantId tenant) {
            return stored;
        }

        @Override
        public boolean delete(TenantId tenant, String name) {
            return stored.removeIf(w -> w.name().equals(name));
        }

        @Override
        public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
            return List.of(
                    new WebhookDelivery(
                            "d-1",
                            ACME,
                            new Webhook(
                                    "reviewers", URI.create("https://hooks.example.com/x"), SECRET),
                            "approval.approved",
                            "{}",
                            DeliveryStatus.PENDING,
                            0,
                            now,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
        }

        @Override
        public void recordAttempt(
                WebhookDelivery delivery,
                int attempt,
                Instant at,
                DeliveryResult result,
                AttemptOutcome next) {
            attempts.add(new Attempt(attempt, result, next.retryAt()));
        }

        @Override
        public List<WebhookDelivery> recent(TenantId tenant, int limit) {
            return List.of();
        }
    }
}
