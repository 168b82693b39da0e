package dcl.registry.adapters.rest.console;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How the console signs people in, read before anyone is signed in: no token needed, and nothing in
 * it is secret (a public client id and an issuer URL).
 */
@EndpointGroup(Group.OTHER)
@Path("/console/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleSettingsResource {
    @Inject ConsoleSettings settings;

    /** The sign-in choices the console offers. */
    public record SignInResponse(String mode, OpenId openId, boolean developmentTokens) {}

    /** The OpenID Connect provider and the console's public client there. */
    public record OpenId(String issuer, String clientId, String scope) {}

    @GET
    @PermitAll
    // no token: an empty list of requirements (security: []), not the API-wide bearer scheme
    @SecurityRequirements
    @Operation(
            operationId = "consoleSettings",
            summary =
                    "How the web console signs in: the OpenID Connect provider, and whether"
                            + " development tokens are accepted (development mode only)")
    @APIResponse(responseCode = "200", description = "The console's sign-in settings")
    @APIResponse(responseCode = "406", description = "The request accepts no JSON")
    public SignInResponse get() {
        return new SignInResponse(
                settings.development() ? "development" : "production",
                settings.openId()
                        .map(p -> new OpenId(p.issuer().toString(), p.clientId(), p.scope()))
                        .orElse(null),
                settings.development());
    }
}
