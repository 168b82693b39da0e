package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants' rollout settings in PostgreSQL, shared by every node. */
@DatabaseAdapter
class JpaRolloutSettings implements RolloutStore {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    private static final String COLUMNS =
            "tenant_id, source_of_truth, legacy_path, dual_read, updated_at, updated_by";

    @Override
    public Optional<RolloutSettings> find(TenantId tenant) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT " + COLUMNS + " FROM tenant_rollout WHERE tenant_id = ?1")
                        .setParameter(1, tenant.value())
                        .getResultList();
        return rows.stream().findFirst().map(row -> settings((Object[]) row));
    }

    @Override
    public Page<RolloutSettings> followingPlan(PageRequest page) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM tenant_rollout WHERE source_of_truth = 'plan' AND"
                                        + " tenant_id > ?1 ORDER BY tenant_id LIMIT ?2")
                        .setParameter(1, page.cursor().orElse(""))
                        .setParameter(2, page.limit() + 1)
                        .getResultList();
        List<RolloutSettings> items =
                rows.stream().limit(page.limit()).map(row -> settings((Object[]) row)).toList();
        return new Page<>(
                items,
                rows.size() > page.limit()
                        ? Optional.of(items.get(items.size() - 1).tenant().value())
                        : Optional.empty());
    }

    @Override
    public long countFollowingPlan() {
        return ((Number)
                        em.createNativeQuery(
                                        "SELECT COUNT(*) FROM tenant_rollout WHERE source_of_truth"
                                                + " = 'plan'")
                                .getSingleResult())
                .longValue();
    }

    @Override
    public boolean replace(RolloutSettings current, RolloutSettings next) {
        return em.createNativeQuery(
                                "UPDATE tenant_rollout SET source_of_truth = ?1, legacy_path = ?2,"
                                        + " dual_read = ?3, updated_at = ?4, updated_by = ?5 WHERE"
                                        + " tenant_id = ?6 AND source_of_truth = ?7 AND updated_at"
                                        + " = ?8")
                        .setParameter(1, next.sourceOfTruth().wireName())
                        .setParameter(2, next.legacyPath().orElse(null))
                        .setParameter(3, next.dualRead())
                        .setParameter(4, Timestamp.from(next.updatedAt().orElseThrow()))
                        .setParameter(5, next.updatedBy().orElseThrow())
                        .setParameter(6, current.tenant().value())
                        .setParameter(7, current.sourceOfTruth().wireName())
                        .setParameter(8, Timestamp.from(current.updatedAt().orElseThrow()))
                        .executeUpdate()
                == 1;
    }

    @Override
    public void recordHold(TenantId tenant, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO rollout_holds (tenant_id, held_at) VALUES (?1, ?2) ON CONFLICT"
                                + " DO NOTHING")
                .setParameter(1, tenant.value())
                .setParameter(2, Timestamp.from(at))
                .executeUpdate();
    }

    @Override
    public long countHeldSince(Instant since) {
        return ((Number)
                        em.createNativeQuery(
                                        "SELECT COUNT(DISTINCT tenant_id) FROM rollout_holds WHERE"
                                                + " held_at >= ?1")
                                .setParameter(1, Timestamp.from(since))
                                .getSingleResult())
                .longValue();
    }

    private static RolloutSettings settings(Object[] c) {
        return new RolloutSettings(
                new TenantId((String) c[0]),
                SourceOfTruth.parse((String) c[1]),
                Optional.ofNullable((String) c[2]),
                (Boolean) c[3],
                Optional.of(((Timestamp) c[4]).toInstant()),
                Optional.of((String) c[5]));
    }

    @Override
    public void save(RolloutSettings s) {
        em.createNativeQuery(
                        "INSERT INTO tenant_rollout (tenant_id, source_of_truth, legacy_path,"
                                + " dual_read, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                + " ON CONFLICT (tenant_id) DO UPDATE SET source_of_truth ="
                                + " EXCLUDED.source_of_truth, legacy_path = EXCLUDED.legacy_path,"
                                + " dual_read = EXCLUDED.dual_read, updated_at = EXCLUDED.updated_at,"
                                + " updated_by = EXCLUDED.updated_by")
                .setParameter(1, s.tenant().value())
                .setParameter(2, s.sourceOfTruth().wireName())
                .setParameter(3, s.legacyPath().orElse(null))
                .setParameter(4, s.dualRead())
                .setParameter(5, Timestamp.from(s.updatedAt().orElseThrow()))
                .setParameter(6, s.updatedBy().orElseThrow())
                .executeUpdate();
    }
}
