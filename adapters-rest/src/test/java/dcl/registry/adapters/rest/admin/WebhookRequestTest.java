package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.adapters.rest.admin.WebhookResource.WebhookRequest;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.notify.Webhook;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {
    private static final String SECRET = "0123456789abcdef";

    @Test
    void givenAUrlAndASecret_whenParsed_thenTheWebhookHasThemAndTheName() {
        assertEquals(
                new Webhook("reviewers", URI.create("https://hooks.example.org/dcl"), SECRET),
                new WebhookRequest("https://hooks.example.org/dcl", SECRET).toWebhook("reviewers"));
    }

    @Test
    void givenSomethingThatIsNotAUri_whenParsed_thenUrlIsReported() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new WebhookRequest("http://bad host/", SECRET)
                                        .toWebhook("reviewers"));

        assertEquals(
                List.of("url"),
                invalid.violations().stream().map(InvalidInput.Violation::field).toList());
    }
}
