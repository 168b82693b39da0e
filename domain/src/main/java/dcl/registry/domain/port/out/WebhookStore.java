package dcl.registry.domain.port.out;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.AttemptOutcome;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/** Webhook settings per tenant and the outbox of deliveries with every attempt recorded. */
public interface WebhookStore {
    /** True when the webhook is new. */
    boolean put(TenantId tenant, Webhook webhook, Actor actor, Instant now);

    List<Webhook> all(TenantId tenant);

    boolean delete(TenantId tenant, String name);

    /**
     * Claims deliveries that are due (on any node, each by one node only) until {@code leaseUntil},
     * when an unfinished one becomes due again.
     */
    List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Records one attempt and the delivery's next state: delivered, another attempt at the
     * outcome's retry time, or failed.
     */
    void recordAttempt(
            WebhookDelivery delivery,
            int attempt,
            Instant at,
            DeliveryResult result,
            AttemptOutcome next);

    List<WebhookDelivery> recent(TenantId tenant, int limit);
}
