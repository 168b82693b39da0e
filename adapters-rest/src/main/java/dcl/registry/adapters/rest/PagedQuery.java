package dcl.registry.adapters.rest;

import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.PageRequest;
import java.util.function.Supplier;

/** What a list asks for and which page of it ({@code ?limit=&cursor=}). */
public record PagedQuery<T>(T query, PageRequest page) {
    /** Parses both, so that the caller learns every invalid parameter at once. */
    public static <T> PagedQuery<T> parse(Supplier<T> query, String limit, String cursor) {
        Violations violations = new Violations();
        T parsed = violations.check(query);
        PageRequest page = violations.check(() -> Paging.of(limit, cursor));
        violations.throwIfAny();
        return new PagedQuery<>(parsed, page);
    }
}
