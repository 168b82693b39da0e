package dcl.registry.domain.notify;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may point. A webhook makes this service send requests wherever an admin says, so
 * by default only to public addresses over https: never to this machine, the database next door, a
 * private network or a cloud metadata service. Internal receivers are allowed by name, address or
 * CIDR range ({@link #ALLOWED_HOSTS}); plain http only when {@link #ALLOW_HTTP} is set.
 *
 * <p>Judged twice: on the URL when a webhook is registered, and on every address its host resolves
 * to when a delivery is sent, because DNS may answer differently by then.
 */
public record TargetPolicy(
        boolean allowHttp, Set<String> allowedHosts, List<AddressRange> allowedRanges) {
    public static final String ALLOW_HTTP = "dcl.webhooks.allow-http";
    public static final String ALLOWED_HOSTS = "dcl.webhooks.allowed-hosts";

    /** Public https receivers only: the policy when nothing is configured. */
    public static final TargetPolicy PUBLIC_HTTPS = new TargetPolicy(false, Set.of(), List.of());

    /**
     * Names that reach a cloud provider's instance metadata (and its credentials) from inside a VM.
     */
    private static final Set<String> METADATA_HOSTS =
            Set.of(
                    "metadata",
                    "metadata.google.internal",
                    "metadata.goog",
                    "instance-data",
                    "instance-data.ec2.internal");

    private static final String ALLOW_INTERNAL =
            "; an internal receiver must be listed in " + ALLOWED_HOSTS;

    public TargetPolicy {
        allowedHosts = Set.copyOf(allowedHosts);
        allowedRanges = List.copyOf(allowedRanges);
    }

    /**
     * The policy of the settings: {@code allowed} holds host names, IP addresses and CIDR ranges.
     * An {@link InvalidInput} naming {@link #ALLOWED_HOSTS} lists every entry that is none of
     * these.
     */
    public static TargetPolicy of(boolean allowHttp, List<String> allowed) {
        Violations v = new Violations();
        Set<String> hosts = new LinkedHashSet<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : allowed) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<AddressRange> range = AddressRange.parse(entry);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else {
                WebhookTarget.hostName(entry)
                        .ifPresentOrElse(
                                hosts::add,
                                () ->
                                        v.add(
                                                ALLOWED_HOSTS,
                                                "has '"
                                                        + entry.trim()
                                                        + "', which is neither a host name, an IP"
                                                        + " address nor a CIDR range such as"
                                                        + " 10.0.0.0/8 or fd00::/8"));
            }
        }
        v.throwIfAny();
        return new TargetPolicy(allowHttp, hosts, ranges);
    }

    /**
     * Refuses {@code url} at registration: an {@link InvalidInput} naming {@code url} that says
     * why.
     */
    public void checkRegistration(URI url) {
        refusal(WebhookTarget.of(url))
                .ifPresent(
                        why -> {
                            throw new InvalidInput("url", why);
                        });
    }

    /**
     * Why {@code target} may not be sent to, judged on its URL alone; empty when it may (its
     * addresses permitting).
     */
    public Optional<String> refusal(WebhookTarget target) {
        if ("http".equals(target.scheme()) && !allowHttp) {
            return Optional.of(
                    "must use https (plain http is refused unless " + ALLOW_HTTP + "=true)");
        }
        if (allowedHosts.contains(target.host())) {
            return Optional.empty();
        }
        if (target.address().isPresent()) {
            return refusal(target, target.address().get());
        }
        if (METADATA_HOSTS.contains(target.host())) {
            return Optional.of(
                    "must not point to a cloud metadata service (" + target.host() + ")");
        }
        if (target.host().equals("localhost") || target.host().endsWith(".localhost")) {
            return Optional.of(
                    "must not point to this machine ("
                            + target.host()
                            + " is loopback)"
                            + ALLOW_INTERNAL);
        }
        return Optional.empty();
    }

    /**
     * Why {@code target} may not be reached at {@code address}, one its host resolved to; empty
     * when it may.
     */
    public Optional<String> refusal(WebhookTarget target, InetAddress address) {
        return refusal(target.host(), address);
    }

    /**
     * Why the host named {@code host} (as {@link WebhookTarget#host()} spells it) may not be
     * reached at {@code address}, one it resolved to; empty when it may. For the sender's resolver,
     * which sees only names.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        if (allowedHosts.contains(host)
                || allowedRanges.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        AddressScope scope = AddressScope.of(address);
        return scope == AddressScope.PUBLIC
                ? Optional.empty()
                : Optional.of(
                        "must point to a public address ("
                                + address.getHostAddress()
                                + " is "
                                + scope.label()
                                + ")"
                                + ALLOW_INTERNAL);
    }

    @Override
    public String toString() {
        return (allowHttp ? "https and http" : "https only")
                + ", public addresses"
                + (allowedHosts.isEmpty() && allowedRanges.isEmpty()
                        ? ""
                        : " and " + allowedHosts + " " + allowedRanges);
    }
}
