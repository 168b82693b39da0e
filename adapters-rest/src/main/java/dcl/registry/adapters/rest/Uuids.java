package dcl.registry.adapters.rest;

import dcl.registry.domain.error.InvalidInput;
import java.util.UUID;

/** Reads an id sent as text. */
public final class Uuids {
    private Uuids() {}

    /** The UUID, or a 400 naming {@code field}. */
    public static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInput(field, "must be a UUID");
        }
    }
}
