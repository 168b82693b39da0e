package dcl.registry.adapters.rest;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.PageRequest;
import java.util.Optional;

/** Reads {@code ?limit=&cursor=}. */
public final class Paging {
    private Paging() {}

    public static PageRequest of(String limit, String cursor) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(
                        "limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(size, Optional.ofNullable(cursor));
    }
}
