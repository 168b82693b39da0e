package dcl.registry.adapters.persistence;

import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.ShadowStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shadow settings (one row per tenant running one) and the comparisons made under them; a restart
 * of a tenant's shadow forgets its earlier comparisons, so the figures are always the candidate's
 * own.
 */
@DatabaseAdapter
class JpaShadowStore implements ShadowStore {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<ShadowSettings> settings(TenantId tenant) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT strategy, mixed_rag_threshold, sample, since, started_by"
                                        + " FROM shadow_settings WHERE tenant_id = ?1")
                        .setParameter(1, tenant.value())
                        .getResultList();
        return rows.stream()
                .findFirst()
                .map(
                        row -> {
                            Object[] c = (Object[]) row;
                            return new ShadowSettings(
                                    tenant,
                                    ConfigurationColumns.read(c[0], c[1]),
                                    ((Number) c[2]).doubleValue(),
                                    JpaApprovals.instant(c[3]),
                                    new Actor((String) c[4]));
                        });
    }

    @Override
    public void start(ShadowSettings s) {
        em.createNativeQuery("DELETE FROM shadow_comparisons WHERE tenant_id = ?1")
                .setParameter(1, s.tenant().value())
                .executeUpdate();
        em.createNativeQuery(
                        "INSERT INTO shadow_settings (tenant_id, strategy, mixed_rag_threshold,"
                                + " sample, since, started_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON"
                                + " CONFLICT (tenant_id) DO UPDATE SET strategy = EXCLUDED.strategy,"
                                + " mixed_rag_threshold = EXCLUDED.mixed_rag_threshold, sample ="
                                + " EXCLUDED.sample, since = EXCLUDED.since, started_by ="
                                + " EXCLUDED.started_by")
                .setParameter(1, s.tenant().value())
                .setParameter(2, s.candidate().strategy().label())
                .setParameter(3, s.candidate().mixedRagThreshold())
                .setParameter(4, s.sample())
                .setParameter(5, Timestamp.from(s.since()))
                .setParameter(6, s.by().subject())
                .executeUpdate();
    }

    @Override
    public boolean stop(TenantId tenant) {
        em.createNativeQuery("DELETE FROM shadow_comparisons WHERE tenant_id = ?1")
                .setParameter(1, tenant.value())
                .executeUpdate();
        return em.createNativeQuery("DELETE FROM shadow_settings WHERE tenant_id = ?1")
                        .setParameter(1, tenant.value())
                        .executeUpdate()
                == 1;
    }

    @Override
    public void compared(ShadowComparison c) {
        em.createNativeQuery(
                        "INSERT INTO shadow_comparisons (tenant_id, compared_at, candidate,"
                                + " connector, source_table, source_field, serving, serving_target,"
                                + " candidate_targets, candidate_failure, agrees_top1, agrees_top3,"
                                + " serving_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                + " ?10, ?11, ?12, ?13)")
                .setParameter(1, c.tenant().value())
                .setParameter(2, Timestamp.from(c.at()))
                .setParameter(3, c.candidate())
                .setParameter(4, c.source().connector().value())
                .setParameter(5, c.source().table().name())
                .setParameter(6, c.source().field().name())
                .setParameter(7, c.serving())
                .setParameter(8, c.servingTarget().toString())
                .setParameter(
                        9,
                        c.candidateTargets().stream()
                                .map(CanonicalField::toString)
                                .collect(Collectors.joining(",")))
                .setParameter(10, c.candidateFailure().orElse(null))
                .setParameter(11, c.agreesTop1())
                .setParameter(12, c.agreesTop3())
                .setParameter(13, c.servingVersion())
                .executeUpdate();
    }

    @Override
    public long forgetBefore(Instant before) {
        return em.createNativeQuery(
                        "DELETE FROM shadow_comparisons c WHERE c.compared_at < ?1 OR NOT EXISTS"
                                + " (SELECT 1 FROM shadow_settings s WHERE s.tenant_id = c.tenant_id"
                                + " AND c.compared_at >= s.since)")
                .setParameter(1, Timestamp.from(before))
                .executeUpdate();
    }

    @Override
    public List<ServingCounts> counts(ShadowSettings s, long servingVersion) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT serving, COUNT(*), COUNT(*) FILTER (WHERE agrees_top1),"
                                        + " COUNT(*) FILTER (WHERE agrees_top3) FROM"
                                        + " shadow_comparisons WHERE tenant_id = ?1 AND compared_at"
                                        + " >= ?2 AND candidate = ?3 AND serving_version = ?4 GROUP"
                                        + " BY serving ORDER BY serving")
                        .setParameter(1, s.tenant().value())
                        .setParameter(2, Timestamp.from(s.since()))
                        .setParameter(3, s.candidate().label())
                        .setParameter(4, servingVersion)
                        .getResultList();
        return rows.stream()
                .map(
                        row -> {
                            Object[] c = (Object[]) row;
                            return new ServingCounts(
                                    (String) c[0],
                                    ((Number) c[1]).longValue(),
                                    ((Number) c[2]).longValue(),
                                    ((Number) c[3]).longValue());
                        })
                .toList();
    }

    @Override
    public List<ShadowComparison> disagreements(ShadowSettings s, long servingVersion, int limit) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT compared_at, connector, source_table, source_field,"
                                        + " serving, serving_target, candidate_targets,"
                                        + " candidate_failure FROM shadow_comparisons WHERE"
                                        + " tenant_id = ?1 AND compared_at >= ?2 AND candidate = ?3"
                                        + " AND serving_version = ?5 AND NOT agrees_top1 ORDER BY"
                                        + " seq DESC LIMIT ?4")
                        .setParameter(1, s.tenant().value())
                        .setParameter(2, Timestamp.from(s.since()))
                        .setParameter(3, s.candidate().label())
                        .setParameter(4, limit)
                        .setParameter(5, servingVersion)
                        .getResultList();
        return rows.stream()
                .map(
                        row -> {
                            Object[] c = (Object[]) row;
                            String targets = (String) c[6];
                            return new ShadowComparison(
                                    s.tenant(),
                                    JpaApprovals.instant(c[0]),
                                    new SourceRef(
                                            new ConnectorId((String) c[1]),
                                            new SourceTable((String) c[2]),
                                            new SourceField((String) c[3])),
                                    (String) c[4],
                                    servingVersion,
                                    CanonicalField.parse((String) c[5]),
                                    s.candidate().label(),
                                    targets.isEmpty()
                                            ? List.of()
                                            : Arrays.stream(targets.split(","))
                                                    .map(CanonicalField::parse)
                                                    .toList(),
                                    Optional.ofNullable((String) c[7]));
                        })
                .toList();
    }
}
