package dcl.registry.domain.rollout;

import dcl.registry.domain.error.InvalidInput;
import java.util.Locale;

/**
 * Which source answers a tenant's runtime lookups. YAML is the emergency rollback; PLAN follows the
 * fleet's progressive rollout, which puts the tenant on one of the other two.
 */
public enum SourceOfTruth {
    REGISTRY,
    YAML,
    PLAN;

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
        if ("plan".equals(text)) {
            return PLAN;
        }
        throw new InvalidInput(
                "sourceOfTruth", "must be 'registry', 'yaml' or 'plan' (got '" + text + "')");
    }
}
