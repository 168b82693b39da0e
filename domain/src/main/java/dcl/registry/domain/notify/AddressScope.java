package dcl.registry.domain.notify;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which network an IP address belongs to, as far as an outgoing webhook is concerned: only {@link
 * #PUBLIC} addresses are on the internet; every other scope reaches this machine, its neighbours or
 * the cloud provider's internals (169.254.169.254 hands out credentials).
 */
public enum AddressScope {
    PUBLIC("public"),
    UNSPECIFIED("unspecified"),
    LOOPBACK("loopback"),
    LINK_LOCAL("link-local"),
    PRIVATE("private"),
    SHARED("carrier-grade NAT"),
    MULTICAST("multicast"),
    RESERVED("reserved");

    /** The special blocks, most specific first (:: and ::1 before the rest of ::/96). */
    private static final Map<AddressRange, AddressScope> SPECIAL = new LinkedHashMap<>();

    /** NAT64 (RFC 6052): 64:ff9b::a.b.c.d is translated to, and so reaches, a.b.c.d. */
    private static final AddressRange NAT64 = range("64:ff9b::/96");

    static {
        SPECIAL.put(range("0.0.0.0/8"), UNSPECIFIED);
        SPECIAL.put(range("127.0.0.0/8"), LOOPBACK);
        SPECIAL.put(range("10.0.0.0/8"), PRIVATE);
        SPECIAL.put(range("172.16.0.0/12"), PRIVATE);
        SPECIAL.put(range("192.168.0.0/16"), PRIVATE);
        SPECIAL.put(range("169.254.0.0/16"), LINK_LOCAL);
        SPECIAL.put(range("100.64.0.0/10"), SHARED);
        SPECIAL.put(range("224.0.0.0/4"), MULTICAST);
        SPECIAL.put(range("240.0.0.0/4"), RESERVED); // and the broadcast address 255.255.255.255
        SPECIAL.put(
                range("192.0.0.0/24"),
                RESERVED); // protocol assignments (192.0.0.192 was a cloud metadata address)
        SPECIAL.put(range("198.18.0.0/15"), RESERVED); // benchmarking
        SPECIAL.put(range("::/128"), UNSPECIFIED);
        SPECIAL.put(range("::1/128"), LOOPBACK);
        SPECIAL.put(range("::/96"), RESERVED); // IPv4-compatible, deprecated
        SPECIAL.put(range("fe80::/10"), LINK_LOCAL);
        SPECIAL.put(range("fec0::/10"), PRIVATE); // site-local, deprecated
        SPECIAL.put(
                range("fc00::/7"),
                PRIVATE); // unique local: fd00:ec2::254 is a cloud metadata address
        SPECIAL.put(range("ff00::/8"), MULTICAST);
        // transition mechanisms that carry or reach an IPv4 address: no receiver needs them, all
        // can reach inward
        SPECIAL.put(range("2002::/16"), RESERVED); // 6to4
        SPECIAL.put(range("2001::/32"), RESERVED); // Teredo
        SPECIAL.put(range("64:ff9b:1::/48"), RESERVED); // local-use NAT64 (RFC 8215)
    }

    private final String label;

    AddressScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The scope of {@code address}; an IPv4-mapped or NAT64 address has the scope of the IPv4
     * address it carries.
     */
    public static AddressScope of(InetAddress address) {
        if (NAT64.contains(address)) {
            return of(IpLiteral.fromBytes(Arrays.copyOfRange(address.getAddress(), 12, 16)));
        }
        return SPECIAL.entrySet().stream()
                .filter(special -> special.getKey().contains(address))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(PUBLIC);
    }

    private static AddressRange range(String cidr) {
        return AddressRange.parse(cidr).orElseThrow();
    }
}
