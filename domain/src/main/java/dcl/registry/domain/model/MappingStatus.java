package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a mapping stands in its life ({@link Lifecycle}); ACTIVE and NEEDS_REVIEW mappings are
 * served to the runtime.
 */
public enum MappingStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    ACTIVE,
    NEEDS_REVIEW,
    DEPRECATED;

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
