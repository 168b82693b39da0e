package dcl.registry.domain.model;

import java.util.List;
import java.util.Optional;

/** One page of a list, and the cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
    }
}
