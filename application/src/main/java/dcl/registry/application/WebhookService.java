package dcl.registry.application;

import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.AttemptOutcome;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.port.in.DeliverWebhooksUseCase;
import dcl.registry.domain.port.in.ManageWebhooksUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.port.out.WebhookStore;
import dcl.registry.domain.port.out.WebhookTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reviewer webhooks: admins set them (audited, the secret never shown back); approval events wait
 * in an outbox and are delivered here, off every request, with backoff and every attempt recorded.
 * A dead endpoint costs only its own retries. Only targets the {@link TargetPolicy} allows are
 * registered; the transport checks the policy again on the addresses it connects to.
 */
public class WebhookService implements ManageWebhooksUseCase, DeliverWebhooksUseCase {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    /** A claimed delivery unfinished this long (a node died mid-send) is due again. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final WebhookStore store;
    private final WebhookTransport transport;
    private final TargetPolicy targets;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public WebhookService(
            WebhookStore store,
            WebhookTransport transport,
            TargetPolicy targets,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        this.store = store;
        this.transport = transport;
        this.targets = targets;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean put(TenantId tenant, Actor admin, Webhook webhook) {
        targets.checkRegistration(webhook.url());
        return transactions.inTransaction(
                () -> {
                    Instant now = clock.instant();
                    boolean created = store.put(tenant, webhook, admin, now);
                    audit.recordSetting(
                            tenant,
                            admin,
                            now,
                            "webhook:" + webhook.name(),
                            created ? "-" : "(previous url and secret)",
                            webhook.url() + " (secret set)",
                            Optional.empty());
                    return created;
                });
    }

    @Override
    public List<Webhook> all(TenantId tenant) {
        return store.all(tenant);
    }

    @Override
    public void delete(TenantId tenant, Actor admin, String name) {
        transactions.inTransaction(
                () -> {
                    if (!store.delete(tenant, name)) {
                        throw new ResourceNotFound("webhook " + name);
                    }
                    audit.recordSetting(
                            tenant,
                            admin,
                            clock.instant(),
                            "webhook:" + name,
                            "set",
                            "-",
                            Optional.empty());
                    return null;
                });
    }

    @Override
    public List<WebhookDelivery> recent(TenantId tenant, int limit) {
        return store.recent(tenant, limit);
    }

    @Override
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<WebhookDelivery> due =
                transactions.inTransaction(() -> store.claimDue(now, now.plus(LEASE), limit));
        for (WebhookDelivery delivery : due) {
            DeliveryResult result = transport.send(delivery);
            int attempt = delivery.attempts() + 1;
            AttemptOutcome next = delivery.afterAttempt(result, clock.instant());
            if (!result.delivered()) {
                String outcome =
                        result.httpStatus()
                                .map(s -> "HTTP " + s)
                                .orElseGet(() -> result.failure().orElseThrow().text());
                LOG.warning(
                        () ->
                                "Webhook "
                                        + delivery.webhook().name()
                                        + " of tenant "
                                        + delivery.tenant()
                                        + ": attempt "
                                        + attempt
                                        + " of "
                                        + delivery.event()
                                        + " failed ("
                                        + outcome
                                        + ")"
                                        + next.retryAt()
                                                .map(t -> "; next at " + t)
                                                .orElse("; given up"));
            }
            transactions.inTransaction(
                    () -> {
                        store.recordAttempt(delivery, attempt, clock.instant(), result, next);
                        return null;
                    });
        }
        return due.size();
    }
}
