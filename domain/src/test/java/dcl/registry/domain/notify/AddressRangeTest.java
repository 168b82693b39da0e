package dcl.registry.domain.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
    private static InetAddress address(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    @Test
    void givenA12BitPrefix_whenAddressesAreTested_thenOnlyThoseSharingTheFirst12BitsAreInside() {
        AddressRange range = AddressRange.parse("172.16.0.0/12").orElseThrow();
        assertTrue(range.contains(address("172.16.0.0")));
        assertTrue(range.contains(address("172.31.255.255")));
        assertFalse(range.contains(address("172.15.255.255")));
        assertFalse(range.contains(address("172.32.0.0")));
        assertFalse(
                range.contains(address("::ac10:1")),
                "an IPv6 address is never inside an IPv4 block (but a mapped one is)");
    }

    @Test
    void givenASevenBitIpv6Prefix_whenAddressesAreTested_thenFc00AndFdAreInside() {
        AddressRange range = AddressRange.parse("fc00::/7").orElseThrow();
        assertTrue(range.contains(address("fc00::1")));
        assertTrue(range.contains(address("fdff:ffff::1")));
        assertFalse(range.contains(address("fe00::1")));
        assertFalse(range.contains(address("10.0.0.1")));
    }

    @Test
    void givenOneAddress_whenParsed_thenItIsABlockOfOne() {
        assertEquals("192.0.2.7/32", AddressRange.parse("192.0.2.7").orElseThrow().toString());
        assertEquals(128, AddressRange.parse("[::1]").orElseThrow().prefixLength());
    }

    @Test
    void givenTextThatIsNoRange_whenParsed_thenNothingIsLookedUpAndItIsEmpty() {
        for (String text :
                new String[] {
                    "10.0.0.0/33",
                    "::/129",
                    "10.0.0/8",
                    "example.com/8",
                    "example.com",
                    "127.1",
                    "0x7f000001",
                    "fe80::1%eth0",
                    ""
                }) {
            assertEquals(Optional.empty(), AddressRange.parse(text), text);
        }
    }
}
