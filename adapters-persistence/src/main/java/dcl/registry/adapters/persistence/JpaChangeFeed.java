package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.MappingChangeEvent;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.LoadMappingChanges;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The change feed read from the audit trail, the registry's transactional outbox. */
@DatabaseAdapter
class JpaChangeFeed implements LoadMappingChanges {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public List<MappingChangeEvent> after(TenantId tenant, long seq, int limit) {
        return em.createQuery(
                        "SELECT a FROM AuditEntryEntity a WHERE a.tenantId = :tenant AND"
                                + " a.subjectType = :type AND a.seq > :seq ORDER BY a.seq",
                        AuditEntryEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("type", JpaAuditTrail.MAPPING)
                .setParameter("seq", seq)
                .setMaxResults(limit)
                .getResultStream()
                .map(
                        row ->
                                new MappingChangeEvent(
                                        row.seq,
                                        ChangeAction.valueOf(row.action),
                                        MappingJson.snapshot(
                                                        row.afterState != null
                                                                ? row.afterState
                                                                : row.beforeState)
                                                .orElseThrow(),
                                        row.occurredAt))
                .toList();
    }
}
