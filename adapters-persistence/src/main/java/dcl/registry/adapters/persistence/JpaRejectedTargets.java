package dcl.registry.adapters.persistence;

import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RejectedTargets;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejected proposals for new mappings, counted by look-alike key and target
 * (approvals_rejected_look_alikes): one indexed query per proposal.
 */
@DatabaseAdapter
class JpaRejectedTargets implements RejectedTargets {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Map<CanonicalField, Integer> rejectedFor(TenantId tenant, SourceRef source) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT canonical_entity, canonical_field, count(*) FROM approvals"
                                        + " WHERE tenant_id = ?1 AND look_alike_key = ?2 AND status ="
                                        + " 'REJECTED' AND change_type = 'map_field' GROUP BY"
                                        + " canonical_entity, canonical_field")
                        .setParameter(1, tenant.value())
                        .setParameter(2, LookAlikeIndex.nameKey(source))
                        .getResultList();
        Map<CanonicalField, Integer> rejected = new HashMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            rejected.put(
                    new CanonicalField((String) c[0], (String) c[1]), ((Number) c[2]).intValue());
        }
        return rejected;
    }
}
