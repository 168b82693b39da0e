package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What is derived from a canonical schema (its words, its vectors), kept for the last {@code kept}
 * schemas used: schemas are immutable values, so an edited schema simply gets new derived data and
 * the old is dropped when it is the least recently used. Thread-safe; the derivation runs outside
 * the lock (two callers may derive the same schema once each).
 */
public final class RecentSchemas<V> {
    private final Map<CanonicalSchema, V> recent;

    public RecentSchemas(int kept) {
        this.recent =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<CanonicalSchema, V> eldest) {
                        return size() > kept;
                    }
                };
    }

    /** The value derived from {@code schema}, derived now if it is not among the recent ones. */
    @SuppressWarnings("ReferenceEquality") // on purpose: the instance, before its value
    public V of(CanonicalSchema schema, Function<CanonicalSchema, V> derive) {
        synchronized (recent) {
            // the same instance first: a tenant's schema is read once and served to every
            // proposal for a while, and hashing a 1,000-field schema on each look-up cost a
            // proposal more than its profile's words
            for (Map.Entry<CanonicalSchema, V> entry : recent.entrySet()) {
                if (entry.getKey() == schema) {
                    return entry.getValue();
                }
            }
            V known = recent.remove(schema);
            if (known != null) {
                // kept under this instance, the one now served
                recent.put(schema, known);
                return known;
            }
        }
        V derived = derive.apply(schema);
        synchronized (recent) {
            recent.put(schema, derived);
        }
        return derived;
    }
}
