package dcl.registry.domain.notify;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR form ({@code 10.0.0.0/8}, {@code fc00::/7}); a single address is
 * a block of one. An IPv4 block also holds the IPv4-mapped IPv6 form of its addresses ({@code
 * ::ffff:10.0.0.5}), which reaches the same host.
 */
public record AddressRange(InetAddress network, int prefixLength) {
    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");
    private static final byte[] IPV4_MAPPED_PREFIX = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff
    };

    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(
                    "a prefix length of " + network.getHostAddress() + " is 0 to " + bits);
        }
    }

    /**
     * {@code 10.0.0.0/8}, {@code fc00::/7}, or one address ({@code 192.0.2.7}, {@code ::1}); empty
     * for anything else.
     */
    public static Optional<AddressRange> parse(String text) {
        Matcher cidr = CIDR.matcher(text.trim());
        if (!cidr.matches()) {
            return IpLiteral.parse(text.trim()).map(AddressRange::of);
        }
        int prefixLength = Integer.parseInt(cidr.group(2));
        return IpLiteral.parse(cidr.group(1))
                .filter(network -> prefixLength <= network.getAddress().length * 8)
                .map(network -> new AddressRange(network, prefixLength));
    }

    /** The block of exactly this address. */
    public static AddressRange of(InetAddress address) {
        return new AddressRange(address, address.getAddress().length * 8);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length == 16
                && prefix.length == 4
                && Arrays.equals(candidate, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)) {
            candidate = Arrays.copyOfRange(candidate, 12, 16);
        }
        if (candidate.length != prefix.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
