package dcl.registry.domain.approval;

import dcl.registry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.UUID;

/** Identity of an approval request. */
public record ApprovalId(UUID value) {
    public ApprovalId {
        Objects.requireNonNull(value);
    }

    public static ApprovalId random() {
        return new ApprovalId(UUID.randomUUID());
    }

    public static ApprovalId parse(String text) {
        try {
            return new ApprovalId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
