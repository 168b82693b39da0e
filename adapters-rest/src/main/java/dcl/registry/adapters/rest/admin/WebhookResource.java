package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.port.in.ManageWebhooksUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reviewer notifications: the tenant's webhooks (approval events, HMAC-SHA256 signed) and their
 * deliveries.
 */
@Path("/admin/webhooks")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {
    @Inject Caller caller;
    @Inject ManageWebhooksUseCase webhooks;

    /** Body of PUT: where to POST events and the signing secret. */
    public record WebhookRequest(String url, String secret) {}

    /** A webhook as listed: never its secret. */
    public record WebhookResponse(String name, String url) {}

    /** One delivery and its last attempt. */
    public record DeliveryResponse(
            String id,
            String webhook,
            String event,
            String status,
            int attempts,
            Instant createdAt,
            Instant deliveredAt,
            Integer lastHttpStatus,
            String lastError) {}

    @PUT
    @Path("{name}")
    @Operation(
            summary =
                    "Create or replace a webhook: 201 new, 200 replaced, 400 when its target is not"
                            + " allowed; audited")
    public Response put(@PathParam("name") String name, WebhookRequest body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: {url, secret}");
        }
        URI url;
        try {
            url = body.url() == null ? null : URI.create(body.url());
        } catch (IllegalArgumentException notAUri) {
            throw new InvalidInput("url", "must be an absolute http(s) URL");
        }
        Webhook webhook = new Webhook(name, url, body.secret());
        boolean created = webhooks.put(caller.tenant(), caller.actor(), webhook);
        return Response.status(created ? 201 : 200)
                .entity(new WebhookResponse(webhook.name(), webhook.url().toString()))
                .build();
    }

    @GET
    @Operation(summary = "The tenant's webhooks (secrets are never returned)")
    public List<WebhookResponse> all() {
        return webhooks.all(caller.tenant()).stream()
                .map(w -> new WebhookResponse(w.name(), w.url().toString()))
                .toList();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a webhook; its undelivered events are marked failed")
    public Response delete(@PathParam("name") String name) {
        webhooks.delete(caller.tenant(), caller.actor(), name);
        return Response.noContent().build();
    }

    @GET
    @Path("deliveries")
    @Operation(summary = "Recent deliveries, newest first, with their attempts and last result")
    public List<DeliveryResponse> deliveries(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw new InvalidInput("limit", "must be between 1 and 500");
        }
        return webhooks.recent(caller.tenant(), n).stream().map(WebhookResource::response).toList();
    }

    private static DeliveryResponse response(WebhookDelivery d) {
        return new DeliveryResponse(
                d.id(),
                d.webhook().name(),
                d.event(),
                d.status().wireName(),
                d.attempts(),
                d.createdAt(),
                d.deliveredAt().orElse(null),
                d.lastHttpStatus().orElse(null),
                d.lastError().orElse(null));
    }
}
