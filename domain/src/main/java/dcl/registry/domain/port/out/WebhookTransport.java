package dcl.registry.domain.port.out;

import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.WebhookDelivery;

/** Sends one signed delivery and reports what came back; never throws for a dead endpoint. */
public interface WebhookTransport {
    DeliveryResult send(WebhookDelivery delivery);
}
