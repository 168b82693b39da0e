package dcl.registry.domain.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private static final String SECRET = "0123456789abcdef";

    @Test
    void
            givenATargetLongerThanAnyRequestLine_whenDefined_thenRefusedNamingTheUrlYetStoredOnesRead() {
        String base = "https://hooks.example.com/";
        String longest = base + "p".repeat(Webhook.MAX_URL_LENGTH - base.length());
        assertEquals(
                longest,
                Webhook.defined("reviewers", URI.create(longest), SECRET).url().toString());

        InvalidInput tooLong =
                assertThrows(
                        InvalidInput.class,
                        () -> Webhook.defined("reviewers", URI.create(longest + "p"), SECRET));
        assertEquals("url: must be at most 2048 characters", tooLong.getMessage());
        assertEquals(
                longest.length() + 1,
                new Webhook("reviewers", URI.create(longest + "p"), SECRET)
                        .url()
                        .toString()
                        .length(),
                "one stored before the limit is still read");
    }

    @Test
    void givenASchemeInUpperCase_whenDefined_thenAcceptedAndStoredLowerCase() {
        assertEquals(
                URI.create("https://Hooks.Example.com/A?b=C"),
                Webhook.defined("reviewers", URI.create("HTTPS://Hooks.Example.com/A?b=C"), SECRET)
                        .url());
        assertEquals(
                "url: must be an absolute http(s) URL",
                assertThrows(
                                InvalidInput.class,
                                () ->
                                        Webhook.defined(
                                                "reviewers",
                                                URI.create("FTP://hooks.example.com/"),
                                                SECRET))
                        .getMessage());
    }

    @Test
    void givenAPortBeyond65535_whenDefined_thenRefusedNamingTheUrl() {
        assertEquals(
                "url: names port 99999; ports end at 65535",
                assertThrows(
                                InvalidInput.class,
                                () ->
                                        Webhook.defined(
                                                "reviewers",
                                                URI.create("https://hooks.example.com:99999/h"),
                                                SECRET))
                        .getMessage());
        assertEquals(
                65535,
                Webhook.defined(
                                "reviewers",
                                URI.create("https://hooks.example.com:65535/h"),
                                SECRET)
                        .url()
                        .getPort());
    }
}
