package dcl.registry.domain.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One raw record from a connector: field names to values (text, numbers, booleans, null, nested
 * objects and lists).
 */
public record SourceRecord(Map<String, Object> values) {
    /** The most records one call transforms, so that one caller cannot hold a node for long. */
    public static final int MAX_PER_CALL = 10_000;

    public SourceRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value at {@code field}: the top-level key of that exact name, else, for a dotted name,
     * the path into nested objects. Empty when the record does not have it (a present null is a
     * value).
     */
    public Optional<Lookup> find(String field) {
        if (values.containsKey(field)) {
            return Optional.of(new Lookup(field, values.get(field)));
        }
        List<String> path = List.of(field.split("\\.", -1));
        if (path.size() < 2) {
            return Optional.empty();
        }
        Object current = values;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.of(new Lookup(path.get(0), current));
    }

    /** A found value and the top-level key that holds it. */
    public record Lookup(String topLevelKey, Object value) {}
}
