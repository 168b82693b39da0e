package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.TenantId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vectors of canonical models' texts, embedded once per text so that editing one entity of a
 * model embeds only its new texts. Each tenant's are kept for that tenant alone, so that how fast a
 * new schema's first proposal answers tells no tenant whether another's model holds a text; the
 * shipped default model's texts are public and the same for every tenant, so they are kept once for
 * all and never dropped. Beyond {@code kept} texts in all, the tenants that used theirs least
 * recently lose theirs (they are embedded again at their next schema change), never everyone's.
 */
final class CanonicalTextVectors {
    private static final Set<String> PUBLIC_TEXTS =
            Set.copyOf(SchemaVectors.textsOf(DefaultCrmModel.schema()));

    private final int kept;
    private final Map<String, QuantizedVector> shared = new HashMap<>();
    private final Map<TenantId, Map<String, QuantizedVector>> byTenant =
            new LinkedHashMap<>(16, 0.75f, true);
    private int held;

    CanonicalTextVectors(int kept) {
        this.kept = kept;
    }

    synchronized Optional<QuantizedVector> get(TenantId tenant, String text) {
        if (PUBLIC_TEXTS.contains(text)) {
            return Optional.ofNullable(shared.get(text));
        }
        Map<String, QuantizedVector> mine = byTenant.get(tenant);
        return Optional.ofNullable(mine == null ? null : mine.get(text));
    }

    synchronized void put(TenantId tenant, String text, QuantizedVector vector) {
        if (PUBLIC_TEXTS.contains(text)) {
            shared.put(text, vector);
            return;
        }
        Map<String, QuantizedVector> mine = byTenant.computeIfAbsent(tenant, t -> new HashMap<>());
        if (mine.put(text, vector) == null) {
            held++;
        }
        // the writer was used last, so it loses its own only when it alone holds too many (its
        // descriptions churned past any real schema: it starts over)
        Iterator<Map<String, QuantizedVector>> eldest = byTenant.values().iterator();
        while (held > kept) {
            held -= eldest.next().size();
            eldest.remove();
        }
    }
}
