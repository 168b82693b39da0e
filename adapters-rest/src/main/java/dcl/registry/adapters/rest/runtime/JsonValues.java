package dcl.registry.adapters.rest.runtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON values to the plain Java values the domain works on, field order kept. */
final class JsonValues {
    private JsonValues() {}

    static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> out = new LinkedHashMap<>();
        object.forEach((key, value) -> out.put(key, toJava(value)));
        return out;
    }

    static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            case OBJECT -> toMap((JsonObject) value);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    list.add(toJava(item));
                }
                yield list;
            }
        };
    }
}
