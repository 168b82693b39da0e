package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.model.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What is derived from a canonical schema (its words, its vectors), kept for the last {@code kept}
 * schemas used: schemas are immutable values, so an edited schema simply gets new derived data and
 * the old is dropped when it is the least recently used. Each tenant's schema is kept for that
 * tenant alone, so that how fast a schema's first proposal answers tells no tenant that another
 * uses the same one; the shipped default model is public and kept once for every tenant that has it
 * unchanged. Thread-safe; the derivation runs outside the lock (two callers may derive the same
 * schema once each).
 */
public final class RecentSchemas<V> {
    private static final CanonicalSchema PUBLIC = DefaultCrmModel.schema();

    /** A schema as one tenant uses it; the scope is empty for the public default model. */
    private record Use(String scope, CanonicalSchema schema) {}

    private final Map<Use, V> recent;

    public RecentSchemas(int kept) {
        this.recent =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Use, V> eldest) {
                        return size() > kept;
                    }
                };
    }

    /** The value derived from {@code tenant}'s {@code schema}, derived now if it is not recent. */
    @SuppressWarnings("ReferenceEquality") // on purpose: the instance, before its value
    public V of(TenantId tenant, CanonicalSchema schema, Function<CanonicalSchema, V> derive) {
        synchronized (recent) {
            // the same instance first: a tenant's schema is read once and served to every
            // proposal for a while, and hashing a 1,000-field schema on each look-up cost a
            // proposal more than its profile's words
            for (Map.Entry<Use, V> entry : recent.entrySet()) {
                Use use = entry.getKey();
                if (use.schema() == schema
                        && (use.scope().isEmpty() || use.scope().equals(tenant.value()))) {
                    return entry.getValue();
                }
            }
        }
        Use use = new Use(schema.equals(PUBLIC) ? "" : tenant.value(), schema);
        synchronized (recent) {
            V known = recent.remove(use);
            if (known != null) {
                // kept under this instance, the one now served
                recent.put(use, known);
                return known;
            }
        }
        V derived = derive.apply(schema);
        synchronized (recent) {
            recent.put(use, derived);
        }
        return derived;
    }
}
