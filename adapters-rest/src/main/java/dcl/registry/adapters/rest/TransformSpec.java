package dcl.registry.adapters.rest;

import dcl.registry.domain.model.Transform;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire form of a transform: {@code {"type":"date","format":"yyyy-MM-dd"}}. */
public record TransformSpec(String type, String format, Map<String, String> values) {
    public Transform toDomain() {
        return Transform.of(type, format, values);
    }

    /** The response form, with only the parameters the transform has. */
    public static Map<String, Object> describe(Transform transform) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", transform.type());
        if (transform instanceof Transform.ToDate date) {
            out.put("format", date.format());
        }
        if (transform instanceof Transform.ValueMap map) {
            out.put("values", map.values());
        }
        return out;
    }
}
