package dcl.registry.domain.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IP address written out in a URL or a setting; reading one never asks DNS. */
final class IpLiteral {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern DOTTED_QUAD =
            Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

    /**
     * Hex groups, colons and an embedded dotted quad; no zone ({@code %eth0}): a zone names this
     * machine's interfaces.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpLiteral() {}

    /**
     * The address {@code text} spells: a dotted quad of four decimal numbers without leading zeros,
     * or an IPv6 address, bare or in brackets. Empty for anything else, including the short, octal
     * and hex forms some resolvers accept ({@code 127.1}, {@code 0177.0.0.1}, {@code 0x7f000001}).
     */
    static Optional<InetAddress> parse(String text) {
        Matcher quad = DOTTED_QUAD.matcher(text);
        if (quad.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(quad.group(i + 1));
            }
            return Optional.of(fromBytes(bytes));
        }
        String bare =
                text.startsWith("[") && text.endsWith("]")
                        ? text.substring(1, text.length() - 1)
                        : text;
        if (!IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // in brackets the JDK parses it as an IPv6 literal or fails: it never falls back to a
            // lookup
            return Optional.of(InetAddress.getByName("[" + bare + "]"));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The address of 4 or 16 bytes; building one from bytes never asks DNS. */
    static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException wrongLength) {
            throw new IllegalArgumentException(
                    "an IP address has 4 or 16 bytes, not " + bytes.length, wrongLength);
        }
    }
}
