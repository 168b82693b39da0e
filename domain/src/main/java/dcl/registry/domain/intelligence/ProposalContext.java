package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.TenantId;

/**
 * What every strategy works from: the tenant, its canonical schema, the field and how many
 * candidates to rank.
 */
public record ProposalContext(
        TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit) {}
