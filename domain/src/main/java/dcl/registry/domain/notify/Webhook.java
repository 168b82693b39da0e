package dcl.registry.domain.notify;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant's reviewer webhook: where approval events are POSTed, and the secret their HMAC-SHA256
 * signature is made with (never shown again once set).
 */
public record Webhook(String name, URI url, String secret) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The longest target kept (what browsers and most servers accept in a request line). */
    public static final int MAX_URL_LENGTH = 2_048;

    private static final int MAX_PORT = 65_535;

    public Webhook {
        Violations v = new Violations();
        if (name == null || !NAME.matcher(name).matches()) {
            v.add("name", "must be 1-64 lower-case letters, digits, '-' or '_'");
        }
        if (url == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                || url.getHost() == null) {
            v.add("url", "must be an absolute http(s) URL");
        }
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            v.add("secret", "must be 16 to 256 characters (it signs every delivery)");
        }
        v.throwIfAny();
    }

    /**
     * A webhook as an admin defines it now: also no longer than {@link #MAX_URL_LENGTH}, on a port
     * that exists, and its scheme stored lower-case ({@code HTTPS://} is {@code https://}: schemes
     * ignore case, RFC 3986). Not rules of the record itself, which also reads webhooks stored
     * before them.
     */
    public static Webhook defined(String name, URI url, String secret) {
        if (url != null && url.toString().length() > MAX_URL_LENGTH) {
            throw new InvalidInput("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        if (url != null && url.getPort() > MAX_PORT) {
            throw new InvalidInput("url", "names port " + url.getPort() + "; ports end at 65535");
        }
        return new Webhook(name, lowerCaseScheme(url), secret);
    }

    private static URI lowerCaseScheme(URI url) {
        if (url == null || url.getScheme() == null) {
            return url;
        }
        String scheme = url.getScheme();
        return URI.create(
                scheme.toLowerCase(Locale.ROOT) + url.toString().substring(scheme.length()));
    }

    @Override
    public String toString() {
        return "Webhook[" + name + " -> " + url + "]";
    }
}
