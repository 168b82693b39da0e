package dcl.registry.domain.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private static final String SECRET = "0123456789abcdef";

    @Test
    void givenATargetLongerThanAnyRequestLine_whenDefined_thenRefusedNamingTheUrl() {
        String base = "https://hooks.example.com/";
        String longest = base + "p".repeat(Webhook.MAX_URL_LENGTH - base.length());
        assertEquals(
                longest, new Webhook("reviewers", URI.create(longest), SECRET).url().toString());

        InvalidInput tooLong =
                assertThrows(
                        InvalidInput.class,
                        () -> new Webhook("reviewers", URI.create(longest + "p"), SECRET));
        assertEquals("url: must be at most 2048 characters", tooLong.getMessage());
    }
}
