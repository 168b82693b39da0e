package dcl.registry.domain.model;

import dcl.registry.domain.error.IllegalTransition;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The review lifecycle: PROPOSED → APPROVED | REJECTED; APPROVED → ACTIVE; ACTIVE → NEEDS_REVIEW
 * (drift); REJECTED → PROPOSED (the proposal was updated); NEEDS_REVIEW → ACTIVE | DEPRECATED.
 * Nothing else.
 */
public final class Lifecycle {
    private static final Map<MappingStatus, Set<MappingStatus>> NEXT =
            Map.of(
                    MappingStatus.PROPOSED,
                            EnumSet.of(MappingStatus.APPROVED, MappingStatus.REJECTED),
                    MappingStatus.APPROVED, EnumSet.of(MappingStatus.ACTIVE),
                    MappingStatus.ACTIVE, EnumSet.of(MappingStatus.NEEDS_REVIEW),
                    MappingStatus.REJECTED, EnumSet.of(MappingStatus.PROPOSED),
                    MappingStatus.NEEDS_REVIEW,
                            EnumSet.of(MappingStatus.ACTIVE, MappingStatus.DEPRECATED),
                    MappingStatus.DEPRECATED, EnumSet.noneOf(MappingStatus.class));

    private Lifecycle() {}

    public static boolean allows(MappingStatus from, MappingStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * @throws IllegalTransition when the lifecycle has no such step
     */
    public static void require(String subject, MappingStatus from, MappingStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransition(subject, from, to, NEXT.get(from));
        }
    }
}
