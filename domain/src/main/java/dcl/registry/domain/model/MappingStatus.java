package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a mapping stands in its life ({@link Lifecycle}); the {@link #SERVED} statuses are served
 * to the runtime.
 */
public enum MappingStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    ACTIVE,
    NEEDS_REVIEW,
    DEPRECATED;

    /**
     * Served to the runtime: ACTIVE, and NEEDS_REVIEW (drift reported, kept serving until a
     * reviewer decides). The one statement of the rule; stores that filter in SQL build their list
     * from it.
     */
    public static final Set<MappingStatus> SERVED =
            Collections.unmodifiableSet(EnumSet.of(ACTIVE, NEEDS_REVIEW));

    public boolean isServed() {
        return SERVED.contains(this);
    }

    public static MappingStatus parse(String field, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(
                    field,
                    "unknown status '"
                            + text
                            + "'; allowed: "
                            + Arrays.stream(values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
