package dcl.registry.adapters.rest.security;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.TextRule;
import dcl.registry.domain.rollout.RolloutStage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. The tenant always comes from the token, never from the
 * request.
 */
@RequestScoped
public class Caller {
    static final String TENANT_CLAIM = "tenant_id";

    /**
     * The longest subject the store keeps as an author ({@code updated_by}, {@code actor} columns).
     */
    static final int MAX_SUBJECT = 255;

    /**
     * The request, whose principal is the verified token. Not {@code @Inject JsonWebToken}: the
     * server builds and injects that bean anew for every request, a tenth of a cached lookup's
     * cost.
     */
    @Inject HttpServletRequest request;

    /** The verified token of this request, or null when the request carries none. */
    private JsonWebToken token() {
        return request.getUserPrincipal() instanceof JsonWebToken verified ? verified : null;
    }

    /** Read once per request: filters, the resource and the use case all ask. */
    private TenantId tenant;

    public TenantId tenant() {
        if (tenant == null) {
            tenant = tenantOf(token());
        }
        return tenant;
    }

    /**
     * The tenant a verified token names; {@link NotAuthorizedException} when it names none or not
     * as a JSON string (a null token names none).
     */
    public static TenantId tenantOf(JsonWebToken token) {
        Object claim = token == null ? null : token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            throw new NotAuthorizedException("The token carries no tenant_id claim", "Bearer");
        }
        String value =
                asJsonString(claim)
                        .orElseThrow(
                                () ->
                                        new NotAuthorizedException(
                                                "The token's tenant_id claim must be a JSON string",
                                                "Bearer"));
        try {
            return new TenantId(value);
        } catch (InvalidInput e) {
            throw new NotAuthorizedException(
                    "The token's tenant_id claim is not a valid tenant id", "Bearer");
        }
    }

    /**
     * The claim's value when it is a JSON string, read as a string: never a number's or an object's
     * text, and never with characters removed, so {@code "\"acme\""} cannot alias tenant {@code
     * acme}.
     */
    static Optional<String> asJsonString(Object claim) {
        if (claim instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        if (claim instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    public Actor actor() {
        JsonWebToken token = token();
        String subject = token == null ? null : token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new NotAuthorizedException("The token carries no sub claim", "Bearer");
        }
        if (subject.length() > MAX_SUBJECT || !TextRule.NAME.allows(subject)) {
            throw new NotAuthorizedException(
                    "The token's sub claim is not a valid subject (at most "
                            + MAX_SUBJECT
                            + " characters, no control characters)",
                    "Bearer");
        }
        Actor actor = new Actor(subject);
        if (actor.sameAs(RolloutStage.GUARD)) {
            // the service's own acts are told apart from people's by this name
            throw new NotAuthorizedException(
                    "The token's sub claim names the service's rollout guard, which no caller may"
                            + " act as",
                    "Bearer");
        }
        return actor;
    }
}
