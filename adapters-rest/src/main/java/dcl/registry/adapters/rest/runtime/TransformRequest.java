package dcl.registry.adapters.rest.runtime;

import jakarta.json.JsonObject;
import java.util.List;

/** Body of {@code POST /dcl/transform}. */
public record TransformRequest(String connector, String table, List<JsonObject> records) {}
