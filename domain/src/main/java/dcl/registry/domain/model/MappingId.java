package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.UUID;

/** The stable id of a mapping, kept across every version. */
public record MappingId(UUID value) {
    public MappingId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
    }

    public static MappingId random() {
        return new MappingId(UUID.randomUUID());
    }

    public static MappingId parse(String text) {
        try {
            return new MappingId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
