package dcl.registry.adapters.rest;

import dcl.registry.domain.model.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "next": "<cursor or null>"}}. */
public record PageResponse<T>(List<T> items, String next) {
    public static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> item) {
        return new PageResponse<>(
                page.items().stream().map(item).toList(), page.next().orElse(null));
    }
}
