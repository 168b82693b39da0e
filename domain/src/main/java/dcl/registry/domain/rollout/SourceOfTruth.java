package dcl.registry.domain.rollout;

import dcl.registry.domain.error.InvalidInput;
import java.util.Locale;

/** Which source answers a tenant's runtime lookups. YAML is the emergency rollback. */
public enum SourceOfTruth {
    REGISTRY,
    YAML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceOfTruth parse(String text) {
        if ("registry".equals(text)) {
            return REGISTRY;
        }
        if ("yaml".equals(text)) {
            return YAML;
        }
        throw new InvalidInput(
                "sourceOfTruth", "must be 'registry' or 'yaml' (got '" + text + "')");
    }
}
