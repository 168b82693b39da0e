package dcl.registry.domain.approval;

import dcl.registry.domain.error.IllegalTransition;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where an approval stands: PROPOSED (pending) → APPROVED | REJECTED; REJECTED → PROPOSED (its
 * proposal was updated and submitted again). APPROVED is final.
 */
public enum ApprovalStatus {
    PROPOSED,
    APPROVED,
    REJECTED;

    private static final Map<ApprovalStatus, Set<ApprovalStatus>> NEXT =
            new EnumMap<>(
                    Map.of(
                            PROPOSED, EnumSet.of(APPROVED, REJECTED),
                            APPROVED, EnumSet.noneOf(ApprovalStatus.class),
                            REJECTED, EnumSet.of(PROPOSED)));

    /** The statuses this one may become. */
    public Set<ApprovalStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    public boolean allows(ApprovalStatus to) {
        return NEXT.get(this).contains(to);
    }

    /**
     * @throws IllegalTransition naming {@code subject} when this status may not become {@code to}
     */
    public void require(String subject, ApprovalStatus to) {
        if (!allows(to)) {
            throw new IllegalTransition(subject, this, to, NEXT.get(this));
        }
    }

    /** How the API, the audit trail and webhook events spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
