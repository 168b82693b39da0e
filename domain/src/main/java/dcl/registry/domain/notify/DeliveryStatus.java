package dcl.registry.domain.notify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a webhook delivery stands: PENDING (waiting for an attempt) → PENDING (an attempt failed,
 * another follows) | DELIVERED | FAILED (given up, or its webhook was deleted). DELIVERED and
 * FAILED are final.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> NEXT =
            new EnumMap<>(
                    Map.of(
                            PENDING, EnumSet.of(PENDING, DELIVERED, FAILED),
                            DELIVERED, EnumSet.noneOf(DeliveryStatus.class),
                            FAILED, EnumSet.noneOf(DeliveryStatus.class)));

    /** The statuses this one may become. */
    public Set<DeliveryStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    public boolean allows(DeliveryStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** How the API spells it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
