package dcl.registry.adapters.rest.console;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How people sign in to the console: through the organisation's OpenID Connect provider when one is
 * configured, and with pasted development tokens only in development mode.
 *
 * @param development whether the server runs in development mode (trusts bin/dev-keys)
 * @param openId the provider the console signs in with, if any
 */
public record ConsoleSettings(boolean development, Optional<OpenIdProvider> openId) {
    public ConsoleSettings {
        Objects.requireNonNull(openId, "openId");
    }

    /**
     * An OpenID Connect provider and the console's public client there (authorization code with
     * PKCE: the browser holds no secret).
     *
     * @param issuer the provider's issuer URL, where {@code /.well-known/openid-configuration} is
     * @param clientId the console's client id at the provider
     * @param scope the scopes asked for, space separated
     */
    public record OpenIdProvider(URI issuer, String clientId, String scope) {
        public OpenIdProvider {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(scope, "scope");
        }

        /**
         * The provider's origin (scheme, host, port), which the console's pages may call: discovery
         * and the token endpoint are fetched by the browser.
         */
        public String origin() {
            int port = issuer.getPort();
            return issuer.getScheme() + "://" + issuer.getHost() + (port < 0 ? "" : ":" + port);
        }
    }
}
