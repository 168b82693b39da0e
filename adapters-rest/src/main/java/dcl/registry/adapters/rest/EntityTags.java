package dcl.registry.adapters.rest;

import dcl.registry.domain.error.InvalidInput;
import jakarta.ws.rs.core.EntityTag;
import java.util.Optional;

/** ETags are versions: {@code "3"}. */
public final class EntityTags {
    private EntityTags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version named by an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); empty when
     * absent.
     */
    public static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidInput(
                    "If-Match",
                    "must be the mapping's ETag, a quoted version such as \"3\" (got "
                            + ifMatch
                            + ")");
        }
    }
}
