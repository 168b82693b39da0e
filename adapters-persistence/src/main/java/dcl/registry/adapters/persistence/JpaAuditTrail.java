package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappingHistory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only audit trail in PostgreSQL; a mapping's history is its entries. */
@DatabaseAdapter
class JpaAuditTrail implements AuditTrail, LoadMappingHistory {
    static final String MAPPING = "mapping";

    /** Marks a history cursor, so a cursor of another list is refused here. */
    private static final String HISTORY = "history";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Inject Event<MappingWritten> written;

    /**
     * Appends the change. Writers of one tenant are serialized from here to their commit (a
     * transaction-scoped advisory lock; the row itself is inserted at commit, under the lock), so a
     * tenant's seq order is its commit order and the change feed never skips a row that commits
     * late.
     */
    @Override
    public void record(MappingChange change) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1)) IS NULL")
                .setParameter(1, change.tenant().value())
                .getSingleResult();
        AuditEntryEntity row = new AuditEntryEntity();
        row.tenantId = change.tenant().value();
        row.subjectType = MAPPING;
        row.subjectId = change.mappingId().toString();
        row.action = change.action().name();
        row.actor = change.actor().subject();
        row.occurredAt = change.at();
        row.reason = change.reason().orElse(null);
        row.version = change.version();
        row.beforeState = change.before().map(MappingJson::snapshot).orElse(null);
        row.afterState = change.after().map(MappingJson::snapshot).orElse(null);
        em.persist(row);
        change.after()
                .or(change::before)
                .ifPresent(m -> written.fire(new MappingWritten(m.tenant(), m.source())));
    }

    @Override
    public void recordSetting(
            TenantId tenant,
            Actor actor,
            Instant at,
            String setting,
            String before,
            String after,
            Optional<String> reason) {
        AuditEntryEntity row = new AuditEntryEntity();
        row.tenantId = tenant.value();
        row.subjectType = "tenant-setting";
        row.subjectId = setting;
        row.action = "CHANGED";
        row.actor = actor.subject();
        row.occurredAt = at;
        row.reason = reason.orElse(null);
        row.beforeState = before;
        row.afterState = after;
        em.persist(row);
    }

    /**
     * A page of the mapping's entries in seq order; the cursor is the seq of the last entry served.
     */
    @Override
    public Page<MappingChange> historyOf(TenantId tenant, MappingId id, PageRequest page) {
        long after = page.cursor().map(c -> OpaqueCursor.decodePosition(c, HISTORY)).orElse(0L);
        List<AuditEntryEntity> rows =
                em.createQuery(
                                "SELECT a FROM AuditEntryEntity a WHERE a.tenantId = :tenant AND"
                                        + " a.subjectType = :type AND a.subjectId = :id AND a.seq >"
                                        + " :after ORDER BY a.seq",
                                AuditEntryEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("type", MAPPING)
                        .setParameter("id", id.toString())
                        .setParameter("after", after)
                        .setMaxResults(page.limit() + 1)
                        .getResultList();
        boolean more = rows.size() > page.limit();
        List<AuditEntryEntity> served = more ? rows.subList(0, page.limit()) : rows;
        Optional<String> next =
                more
                        ? Optional.of(
                                OpaqueCursor.encodePosition(
                                        HISTORY, served.get(served.size() - 1).seq))
                        : Optional.empty();
        return new Page<>(served.stream().map(JpaAuditTrail::change).toList(), next);
    }

    private static MappingChange change(AuditEntryEntity row) {
        return new MappingChange(
                new TenantId(row.tenantId),
                MappingId.parse(row.subjectId),
                ChangeAction.valueOf(row.action),
                new Actor(row.actor),
                row.occurredAt,
                Optional.ofNullable(row.reason),
                MappingJson.snapshot(row.beforeState),
                MappingJson.snapshot(row.afterState));
    }
}
