package dcl.registry.adapters.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API wants it: nulls are written ({@code "transform": null}), and a field the API
 * does not know is an error rather than silently dropped. Request records are not read by JSON-B
 * but by {@link dcl.registry.adapters.rest.input.StrictJsonBodyReader}; this reads anything else.
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {
    private final Jsonb jsonb = configured();

    /** A JSON-B configured as the API writes: for bodies serialised ahead of the response. */
    static Jsonb configured() {
        return JsonbBuilder.create(
                new JsonbConfig()
                        .withNullValues(true)
                        .setProperty("jsonb.fail-on-unknown-properties", true));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
