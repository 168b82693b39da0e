package dcl.registry.domain.model;

import java.util.regex.Pattern;

/** The tenant that owns a mapping; always taken from the caller's token. */
public record TenantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantId {
        Text.requirePattern(
                "tenant_id", value, SHAPE, "must be 1-64 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
