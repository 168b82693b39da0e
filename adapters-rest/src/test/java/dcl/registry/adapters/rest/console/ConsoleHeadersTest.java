package dcl.registry.adapters.rest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.adapters.rest.console.ConsoleSettings.OpenIdProvider;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {
    @Test
    void givenNoProvider_whenThePolicyIsWritten_thenPagesMayCallOnlyThisServer() {
        assertEquals(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " connect-src 'self'; base-uri 'none'; form-action 'self';"
                        + " frame-ancestors 'none'",
                ConsoleHeaders.policy(new ConsoleSettings(true, Optional.empty())));
    }

    @Test
    void givenAProvider_whenThePolicyIsWritten_thenItsOriginAloneIsAddedToConnect() {
        ConsoleSettings settings =
                new ConsoleSettings(
                        false,
                        Optional.of(
                                new OpenIdProvider(
                                        URI.create("https://login.example.com:8443/realms/dcl"),
                                        "dcl-console",
                                        "openid")));
        assertEquals(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " connect-src 'self' https://login.example.com:8443; base-uri 'none';"
                        + " form-action 'self'; frame-ancestors 'none'",
                ConsoleHeaders.policy(settings));
    }

    @Test
    void givenAnIssuerOnTheDefaultPort_whenItsOriginIsAsked_thenNoPortIsNamed() {
        assertEquals(
                "https://login.example.com",
                new OpenIdProvider(URI.create("https://login.example.com/"), "c", "openid")
                        .origin());
    }
}
