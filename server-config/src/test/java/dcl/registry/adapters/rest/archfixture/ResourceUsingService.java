package dcl.registry.adapters.rest.archfixture;

import dcl.registry.application.WebhookService;

/**
 * A deliberate violation, for testing the driving-adapter rule: a resource that injects an
 * application class (as WebhookResource did) instead of an inbound port.
 */
public class ResourceUsingService {
    final WebhookService webhooks;

    public ResourceUsingService(WebhookService webhooks) {
        this.webhooks = webhooks;
    }
}
