package dcl.registry.adapters.persistence.archfixture;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Breaks the rule that the JSON provider is looked up once: a lookup on every call. */
public class JsonPerCall {
    public JsonObject row(String id) {
        return Json.createObjectBuilder().add("id", id).build();
    }
}
