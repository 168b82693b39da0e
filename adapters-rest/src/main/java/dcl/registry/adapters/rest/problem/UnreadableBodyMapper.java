package dcl.registry.adapters.rest.problem;

import dcl.registry.adapters.rest.input.JsonBody;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body JSON-B could not read (request records are read by the strict reader; this is the safety
 * net for anything else). The answer is written here, in the API's words: where the JSON is
 * malformed, or which field did not fit. The runtime's own message is never passed on: it names
 * Java classes.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {
    static final String GENERIC =
            "The body must be a JSON object of the documented shape (see /openapi)";
    private static final String FIELD = "([A-Za-z_][A-Za-z0-9_-]{0,63})";

    /** JSON-B (Yasson): "Json property x can not be mapped to class …", "Unknown property x". */
    private static final Pattern UNKNOWN =
            Pattern.compile(
                    "(?:Json property|Unknown property|Unrecognized field|Unrecognized"
                            + " property)\\s+['\"]?"
                            + FIELD
                            + "['\"]?");

    /** JSON-B (Yasson): "Unable to deserialize property 'x' because of: …". */
    private static final Pattern PROPERTY =
            Pattern.compile("(?:deserialize|deserializing) property\\s+['\"]?" + FIELD + "['\"]?");

    @Override
    public Response toResponse(JsonbException error) {
        return unreadable(error).toResponse();
    }

    static Problem unreadable(Throwable error) {
        Optional<JsonParsingException> malformed = cause(error, JsonParsingException.class);
        if (malformed.isPresent()) {
            String where = JsonBody.position(malformed.get().getLocation());
            return problem(
                    "The body is not well-formed JSON" + where,
                    "body",
                    "is not well-formed JSON" + where);
        }
        String messages = messages(error);
        Matcher unknown = UNKNOWN.matcher(messages);
        if (unknown.find()) {
            String field = unknown.group(1);
            return problem(
                    field
                            + ": is not a field of this request, or does not have the documented"
                            + " JSON type",
                    field,
                    "is not a field of this request, or does not have the documented JSON type");
        }
        Matcher property = PROPERTY.matcher(messages);
        if (property.find()) {
            String field = property.group(1);
            return problem(
                    field + ": does not have the documented JSON type (see /openapi)",
                    field,
                    "does not have the documented JSON type");
        }
        return problem(GENERIC, "body", "does not have the documented shape");
    }

    private static Problem problem(String detail, String field, String message) {
        return Problem.of(400, "unreadable-body", "The request body cannot be read", detail)
                .errors(List.of(Map.of("field", field, "message", message)));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable at = error; at != null && seen.add(at); at = at.getCause()) {
            if (type.isInstance(at)) {
                return Optional.of(type.cast(at));
            }
        }
        return Optional.empty();
    }

    private static String messages(Throwable error) {
        List<String> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable at = error; at != null && seen.add(at); at = at.getCause()) {
            if (at.getMessage() != null) {
                all.add(at.getMessage());
            }
        }
        return String.join("\n", all);
    }
}
