package dcl.registry.server;

import dcl.registry.adapters.rest.console.ConsoleSettings;
import dcl.registry.adapters.rest.console.ConsoleSettings.OpenIdProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The console's sign-in, from configuration ({@code dcl.console.oidc.*}, checked at start-up by
 * {@link TrustSettings}: an issuer that is not a URL, or plain http in production, refuses to
 * start).
 */
@ApplicationScoped
public class ConsoleWiring {
    static final String ISSUER = "dcl.console.oidc.issuer";
    static final String CLIENT_ID = "dcl.console.oidc.client-id";
    static final String SCOPE = "dcl.console.oidc.scope";

    @Produces
    @Singleton
    ConsoleSettings consoleSettings() {
        Config config = ConfigProvider.getConfig();
        return new ConsoleSettings(
                DeploymentMode.configured() == DeploymentMode.DEVELOPMENT,
                config.getOptionalValue(ISSUER, String.class)
                        .filter(issuer -> !issuer.isBlank())
                        .map(
                                issuer ->
                                        new OpenIdProvider(
                                                URI.create(issuer.strip()),
                                                config.getOptionalValue(CLIENT_ID, String.class)
                                                        .orElse("dcl-console"),
                                                config.getOptionalValue(SCOPE, String.class)
                                                        .orElse("openid"))));
    }
}
