package dcl.registry.domain.port.in;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import java.util.List;

/**
 * Admins set the tenant's reviewer webhooks (audited, the secret never shown back) and follow their
 * deliveries.
 */
public interface ManageWebhooksUseCase {
    /**
     * Creates or replaces a webhook; true when new. An {@link
     * dcl.registry.domain.error.InvalidInput} naming {@code url} when the target is not allowed.
     */
    boolean put(TenantId tenant, Actor admin, Webhook webhook);

    List<Webhook> all(TenantId tenant);

    void delete(TenantId tenant, Actor admin, String name);

    /** The tenant's latest deliveries, newest first. */
    List<WebhookDelivery> recent(TenantId tenant, int limit);
}
