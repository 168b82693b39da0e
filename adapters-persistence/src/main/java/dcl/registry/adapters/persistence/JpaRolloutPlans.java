package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.rollout.RolloutStage;
import dcl.registry.domain.rollout.StageChange;
import dcl.registry.domain.slo.SloBaseline;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rollout's stages in PostgreSQL. A stage's id is its predecessor's plus one and the primary
 * key: when two nodes (or an operator and the guard) append after the same stage, one insert wins
 * and the other does nothing.
 */
@DatabaseAdapter
class JpaRolloutPlans implements RolloutPlans {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<RolloutStage> current() {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT id, percent, previous_percent, change, reason, decided_at,"
                                        + " decided_by, owner_tenant, baseline_error_rate,"
                                        + " baseline_p95_ms, halted_at FROM rollout_stages ORDER BY"
                                        + " id DESC LIMIT 1")
                        .getResultList();
        return rows.stream().findFirst().map(row -> stage((Object[]) row));
    }

    @Override
    public boolean append(RolloutStage next) {
        return em.createNativeQuery(
                                "INSERT INTO rollout_stages (id, percent, previous_percent,"
                                        + " change, reason, decided_at, decided_by, owner_tenant,"
                                        + " baseline_error_rate, baseline_p95_ms) SELECT ?1, ?2, ?3,"
                                        + " ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE COALESCE((SELECT MAX(id)"
                                        + " FROM rollout_stages), 0) = ?1 - 1 ON CONFLICT (id) DO"
                                        + " NOTHING")
                        .setParameter(1, next.id())
                        .setParameter(2, next.percent())
                        .setParameter(3, next.previousPercent())
                        .setParameter(4, next.change().wireName())
                        .setParameter(5, next.reason().orElse(null))
                        .setParameter(6, Timestamp.from(next.decidedAt()))
                        .setParameter(7, next.decidedBy().subject())
                        .setParameter(8, next.owner().value())
                        .setParameter(9, next.baseline().errorRate())
                        .setParameter(10, next.baseline().p95Millis())
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean markHalted(long stageId, Instant at) {
        return em.createNativeQuery(
                                "UPDATE rollout_stages SET halted_at = ?2 WHERE id = ?1 AND"
                                        + " halted_at IS NULL AND id = (SELECT MAX(id) FROM"
                                        + " rollout_stages)")
                        .setParameter(1, stageId)
                        .setParameter(2, Timestamp.from(at))
                        .executeUpdate()
                == 1;
    }

    private static RolloutStage stage(Object[] c) {
        return new RolloutStage(
                ((Number) c[0]).longValue(),
                ((Number) c[1]).intValue(),
                ((Number) c[2]).intValue(),
                StageChange.valueOf(((String) c[3]).toUpperCase(Locale.ROOT)),
                Optional.ofNullable((String) c[4]),
                ((Timestamp) c[5]).toInstant(),
                new Actor((String) c[6]),
                new TenantId((String) c[7]),
                new SloBaseline(((Number) c[8]).doubleValue(), ((Number) c[9]).longValue()),
                Optional.ofNullable((Timestamp) c[10]).map(Timestamp::toInstant));
    }
}
