package dcl.registry.adapters.aam.notify;

import dcl.registry.domain.notify.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only way the webhook client turns a host name into addresses: it looks the name up once and
 * hands HttpClient the addresses only when every one of them passes the {@link TargetPolicy}, so
 * the connection manager can only ever connect to a checked address (a name registered as public
 * may resolve to 127.0.0.1 by now, and a second lookup could answer differently from the one that
 * was checked).
 */
final class PolicyCheckedDnsResolver implements DnsResolver {

    /**
     * Resolves a host name to its addresses: the system resolver in production, a fixed answer in
     * tests.
     */
    @FunctionalInterface
    interface HostResolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The host resolved, but to an address the policy does not allow; nothing was connected to. */
    static final class AddressNotAllowed extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        AddressNotAllowed(String why) {
            super(why);
        }
    }

    private final TargetPolicy policy;
    private final HostResolver lookup;

    PolicyCheckedDnsResolver(TargetPolicy policy, HostResolver lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    /**
     * Every address {@code host} resolves to, when all are allowed for it; an {@link
     * AddressNotAllowed} naming the first that is not, an {@link UnknownHostException} when there
     * is none.
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = lookup.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = policy.refusal(host, address);
            if (refused.isPresent()) {
                throw new AddressNotAllowed(
                        host + " resolved to " + address.getHostAddress() + ": " + refused.get());
            }
        }
        return addresses.toArray(InetAddress[]::new);
    }

    /**
     * Only asked for by Kerberos authentication, which the webhook client never does: no second
     * lookup.
     */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
