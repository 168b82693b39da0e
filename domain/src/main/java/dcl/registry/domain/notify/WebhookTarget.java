package dcl.registry.domain.notify;

import dcl.registry.domain.error.InvalidInput;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook URL points, read without DNS: its scheme, its host (lower case, without a
 * trailing dot or IPv6 brackets), the address when the host is an IP literal, and the port.
 */
public record WebhookTarget(String scheme, String host, Optional<InetAddress> address, int port) {
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /**
     * A last label like these makes resolvers read the whole name as a number ({@code 2130706433}
     * is 127.0.0.1).
     */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

    /**
     * The target of {@code url}; an {@link InvalidInput} naming {@code url} when it is not an
     * http(s) URL with a usable host.
     */
    public static WebhookTarget of(URI url) {
        if (url == null
                || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new InvalidInput("url", "must be an absolute http(s) URL");
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        Optional<InetAddress> address = IpLiteral.parse(url.getHost());
        if (address.isPresent()) {
            return new WebhookTarget(
                    url.getScheme(), address.get().getHostAddress(), address, port);
        }
        if (url.getHost().startsWith("[")) {
            throw new InvalidInput(
                    "url", "must have a valid IPv6 address (without a zone) or a host name");
        }
        String host =
                hostName(url.getHost())
                        .orElseThrow(
                                () ->
                                        new InvalidInput(
                                                "url",
                                                "must have a host name or a dotted-quad IPv4"
                                                        + " address (such as 192.0.2.7)"));
        return new WebhookTarget(url.getScheme(), host, Optional.empty(), port);
    }

    /**
     * {@code text} as a DNS host name: lower case, without a trailing dot. Empty when it is not
     * one, or when it would be read as a number.
     */
    static Optional<String> hostName(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.length() > 253 || !HOST_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(lastLabel).matches() ? Optional.empty() : Optional.of(name);
    }
}
