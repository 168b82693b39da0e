package dcl.registry.domain.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The canonical values one record yields for one entity. */
public record CanonicalEvent(int record, String entity, Map<String, Object> values) {
    public CanonicalEvent {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
