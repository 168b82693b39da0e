package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reviewer notifications: the tenant's webhooks (approval events, HMAC-SHA256 signed) and their
 * deliveries.
 */
@EndpointGroup(Group.ADMIN)
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
    public record WebhookRequest(String url, String secret) {
        /** The webhook of this name; whether its target is allowed is the service's call. */
        Webhook toWebhook(String name) {
            URI target;
            try {
                target = url == null ? null : URI.create(url);
            } catch (IllegalArgumentException notAUri) {
                throw new InvalidInput("url", "must be an absolute http(s) URL");
            }
            return Webhook.defined(name, target, secret);
        }
    }

    /** A webhook as listed: never its secret. */
    public record WebhookResponse(String name, String url) {
        static WebhookResponse from(Webhook webhook) {
            return new WebhookResponse(webhook.name(), webhook.url().toString());
        }
    }

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
            operationId = "putWebhook",
            summary =
                    "Create or replace a webhook: 201 new, 200 replaced, 400 when its target is not"
                            + " allowed; audited")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "No body, an invalid name, secret or URL, or a target not allowed")
    public Response put(@PathParam("name") String name, WebhookRequest body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: {url, secret}");
        }
        Webhook webhook = body.toWebhook(name);
        boolean created = webhooks.put(caller.tenant(), caller.actor(), webhook);
        return Response.status(created ? 201 : 200).entity(WebhookResponse.from(webhook)).build();
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "The tenant's webhooks (secrets are never returned)")
    public List<WebhookResponse> all() {
        return webhooks.all(caller.tenant()).stream().map(WebhookResponse::from).toList();
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Remove a webhook; its undelivered events are marked failed")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No webhook of that name")
    public Response delete(@PathParam("name") String name) {
        webhooks.delete(caller.tenant(), caller.actor(), name);
        return Response.noContent().build();
    }

    @GET
    @Path("deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Recent deliveries, newest first, with their attempts and last result")
    @APIResponse(responseCode = "200", description = "Deliveries, newest first")
    @APIResponse(responseCode = "400", description = "limit outside 1..500")
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
