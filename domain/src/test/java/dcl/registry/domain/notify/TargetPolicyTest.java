package dcl.registry.domain.notify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {
    private static final TargetPolicy DEFAULT = TargetPolicy.PUBLIC_HTTPS;

    private static InvalidInput refusedAtRegistration(TargetPolicy policy, String url) {
        return assertThrows(
                InvalidInput.class, () -> policy.checkRegistration(URI.create(url)), url);
    }

    private static InetAddress address(String literal) {
        return IpLiteral.parse(literal)
                .orElseThrow(() -> new AssertionError(literal + " is no IP literal"));
    }

    /**
     * An IPv6 address object as a resolver may hand it out: IPv4-mapped bytes the JDK would
     * otherwise fold to IPv4.
     */
    private static InetAddress mappedIpv6(int a, int b, int c, int d) throws UnknownHostException {
        return Inet6Address.getByAddress(
                null,
                new byte[] {
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    (byte) 0xff,
                    (byte) 0xff,
                    (byte) a,
                    (byte) b,
                    (byte) c,
                    (byte) d
                },
                -1);
    }

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1/x, loopback",
        "https://127.255.255.254/x, loopback",
        "https://10.0.0.5/x, private",
        "https://172.16.0.1/x, private",
        "https://172.31.255.255/x, private",
        "https://192.168.1.1/x, private",
        "https://169.254.169.254/latest/meta-data, link-local",
        "https://100.64.0.1/x, carrier-grade NAT",
        "https://100.127.255.255/x, carrier-grade NAT",
        "https://0.0.0.0/x, unspecified",
        "https://224.0.0.1/x, multicast",
        "https://255.255.255.255/x, reserved",
        "https://[::1]/x, loopback",
        "https://[::]/x, unspecified",
        "https://[fe80::1]/x, link-local",
        "https://[fc00::1]/x, private",
        "https://[fd00:ec2::254]/x, private",
        "https://[ff02::1]/x, multicast",
        "https://[::ffff:127.0.0.1]/x, loopback",
        "https://[::ffff:7f00:1]/x, loopback",
        "https://[::ffff:10.0.0.5]/x, private",
        "https://[::ffff:169.254.169.254]/x, link-local",
        "https://[64:ff9b::a9fe:a9fe]/x, link-local",
        "https://[::7f00:1]/x, reserved",
        "https://[2002:a00:5::1]/x, reserved",
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x, reserved",
        "https://[64:ff9b:1::a00:5]/x, reserved"
    })
    void givenAnInternalAddress_whenRegistered_thenTheUrlIsRefusedSayingWhy(
            String url, String scope) {
        InvalidInput refused = refusedAtRegistration(DEFAULT, url);
        assertEquals("url", refused.violations().get(0).field());
        assertTrue(
                refused.violations().get(0).message().contains(" is " + scope + ")"),
                refused.getMessage());
        assertTrue(
                refused.violations().get(0).message().contains(TargetPolicy.ALLOWED_HOSTS),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://172.15.255.255/x",
                "https://172.32.0.0/x",
                "https://100.63.255.255/x",
                "https://100.128.0.0/x",
                "https://11.0.0.1/x",
                "https://8.8.8.8/x",
                "https://[2606:4700::1111]/x",
                "https://[::ffff:8.8.8.8]/x",
                "https://[64:ff9b::808:808]/x",
                "https://hooks.example.com/dcl",
                "https://Hooks.Example.COM./dcl"
            })
    void givenAPublicHttpsTarget_whenRegistered_thenItIsAccepted(String url) {
        assertDoesNotThrow(() -> DEFAULT.checkRegistration(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://METADATA.GOOGLE.INTERNAL./x",
                "https://metadata/x",
                "https://instance-data.ec2.internal/latest",
                "https://localhost/x",
                "https://api.localhost:8443/x"
            })
    void givenAMetadataOrLoopbackHostName_whenRegistered_thenItIsRefusedWithoutAnyLookup(
            String url) {
        assertEquals("url", refusedAtRegistration(DEFAULT, url).violations().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://2130706433/x",
                "https://0177.0.0.1/x",
                "https://[fe80::1%25eth0]/x",
                "ftp://example.com",
                "https:/relative",
                "mailto:ops@example.com"
            })
    void givenAnAddressSomeResolversReadDifferentlyOrNoHttpUrl_whenRegistered_thenItIsRefused(
            String url) {
        assertEquals("url", refusedAtRegistration(DEFAULT, url).violations().get(0).field());
    }

    @Test
    void givenPlainHttp_whenRegistered_thenItIsRefusedUnlessHttpIsAllowed() {
        InvalidInput refused = refusedAtRegistration(DEFAULT, "http://hooks.example.com/dcl");
        assertTrue(
                refused.getMessage().contains("https")
                        && refused.getMessage().contains(TargetPolicy.ALLOW_HTTP),
                refused.getMessage());
        TargetPolicy http = TargetPolicy.of(true, List.of());
        assertDoesNotThrow(
                () -> http.checkRegistration(URI.create("http://hooks.example.com/dcl")));
        assertEquals(
                "url",
                refusedAtRegistration(http, "http://10.0.0.5/x").violations().get(0).field(),
                "http opens no network");
    }

    @Test
    void
            givenAnAllowListOfRanges_whenRegistered_thenThoseInternalAddressesAreAcceptedAndNoOthers() {
        TargetPolicy policy =
                TargetPolicy.of(false, List.of(" 10.0.0.0/8", "fd00::/8 ", "192.168.7.7"));
        for (String url :
                List.of(
                        "https://10.0.0.5/x",
                        "https://10.255.0.1/x",
                        "https://[fd12::1]/x",
                        "https://192.168.7.7/x",
                        "https://[::ffff:10.0.0.5]/x")) {
            assertDoesNotThrow(() -> policy.checkRegistration(URI.create(url)), url);
        }
        for (String url :
                List.of(
                        "https://192.168.7.8/x",
                        "https://172.16.0.1/x",
                        "https://[fc00::1]/x",
                        "https://127.0.0.1/x",
                        "https://169.254.169.254/x")) {
            refusedAtRegistration(policy, url);
        }
    }

    @Test
    void
            givenAnAllowListedLoopback_whenRegisteredOverIpv4OrIpv6_thenOnlyTheListedFamilyIsAccepted() {
        TargetPolicy policy = TargetPolicy.of(true, List.of("localhost", "127.0.0.0/8"));
        assertDoesNotThrow(
                () -> policy.checkRegistration(URI.create("http://127.0.0.1:8080/hook")));
        assertDoesNotThrow(
                () -> policy.checkRegistration(URI.create("http://localhost:8080/hook")));
        refusedAtRegistration(policy, "https://[::1]/x");
    }

    @Test
    void
            givenAnAllowListedHostName_whenItResolvesToAnInternalAddress_thenThatAddressIsAllowedForItAlone() {
        TargetPolicy policy = TargetPolicy.of(false, List.of("Receiver.Internal."));
        WebhookTarget listed = WebhookTarget.of(URI.create("https://receiver.internal/hook"));
        WebhookTarget other = WebhookTarget.of(URI.create("https://other.internal/hook"));
        assertTrue(policy.refusal(listed).isEmpty());
        assertTrue(policy.refusal(listed, address("10.1.2.3")).isEmpty());
        assertTrue(policy.refusal(other).isEmpty(), "a name is judged on what it resolves to");
        assertTrue(policy.refusal(other, address("10.1.2.3")).isPresent());
        assertTrue(
                policy.refusal("receiver.internal", address("10.1.2.3")).isEmpty(),
                "by name, as the sender's resolver asks");
        assertTrue(policy.refusal("other.internal", address("10.1.2.3")).isPresent());
    }

    @Test
    void givenAPublicNameThatNowResolvesInternally_whenDelivering_thenEachResolvedAddressIsJudged()
            throws Exception {
        WebhookTarget target = WebhookTarget.of(URI.create("https://hooks.example.com/dcl"));
        assertTrue(DEFAULT.refusal(target).isEmpty());
        assertTrue(DEFAULT.refusal(target, address("93.184.216.34")).isEmpty());
        assertTrue(
                DEFAULT.refusal(target, address("127.0.0.1"))
                        .orElseThrow()
                        .contains("127.0.0.1 is loopback"));
        assertTrue(
                DEFAULT.refusal(target, mappedIpv6(127, 0, 0, 1))
                        .orElseThrow()
                        .contains("is loopback"));
        assertTrue(
                DEFAULT.refusal(target, mappedIpv6(169, 254, 169, 254))
                        .orElseThrow()
                        .contains("is link-local"));
        assertTrue(DEFAULT.refusal(target, mappedIpv6(8, 8, 8, 8)).isEmpty());
        assertTrue(
                TargetPolicy.of(false, List.of("127.0.0.1"))
                        .refusal(target, mappedIpv6(127, 0, 0, 1))
                        .isEmpty(),
                "an allowed IPv4 address is allowed in its IPv4-mapped form too");
    }

    @Test
    void givenBadAllowListEntries_whenTheSettingsAreRead_thenEveryOneIsNamedUnderTheProperty() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                TargetPolicy.of(
                                        false,
                                        List.of(
                                                "10.0.0.0/33",
                                                "receiver.internal",
                                                "10.0.0.0/x",
                                                "300.1.1.1",
                                                "::1/129",
                                                "bad host!",
                                                "")));
        assertEquals(5, invalid.violations().size(), invalid.violations().toString());
        invalid.violations().forEach(v -> assertEquals(TargetPolicy.ALLOWED_HOSTS, v.field()));
        assertTrue(
                invalid.violations().get(0).message().contains("'10.0.0.0/33'"),
                invalid.violations().toString());
    }

    @Test
    void givenNothingConfigured_whenTheSettingsAreRead_thenOnlyPublicHttpsIsAllowed() {
        assertEquals(TargetPolicy.PUBLIC_HTTPS, TargetPolicy.of(false, List.of()));
        assertFalse(TargetPolicy.PUBLIC_HTTPS.allowHttp());
    }
}
