package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.Optional;

/** How much of a list to return and where to continue: an opaque cursor from the previous page. */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        cursor = cursor.filter(c -> !c.isBlank());
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
