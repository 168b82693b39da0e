package dcl.registry.adapters.rest.runtime;

import jakarta.json.JsonValue;
import java.util.List;

/** Body of {@code POST /dcl/transform}. */
public record TransformRequest(String connector, String table, List<JsonValue> records) {}
