package dcl.registry.domain.port.out;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.util.Map;

/**
 * What reviewers turned down: the canonical fields rejected for new mappings of fields that look
 * like a given one (the same name once split, folded and stemmed, in any connector or table).
 */
public interface RejectedTargets {
    /**
     * How many times each target was rejected for a look-alike of {@code source}, in the tenant.
     */
    Map<CanonicalField, Integer> rejectedFor(TenantId tenant, SourceRef source);
}
