package dcl.registry.adapters.persistence;

import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.decision.StrategyChangeKind;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StrategyChanges;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Strategy configuration changes in PostgreSQL, one scope per tenant and {@code '*'} for the
 * fleet's rollout. A change's place in its scope is unique: of two nodes appending after the same
 * change, one insert wins and the other does nothing.
 */
@DatabaseAdapter
class JpaStrategyChanges implements StrategyChanges {
    private static final String FLEET = "*";
    private static final String COLUMNS =
            "id, scope, sequence, strategy, mixed_rag_threshold, percent, previous_strategy,"
                    + " previous_threshold, previous_percent, change, reason, forced, decided_at,"
                    + " decided_by, owner_tenant";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<StrategyChange> latest(Optional<TenantId> scope) {
        return rows(
                        "SELECT "
                                + COLUMNS
                                + " FROM strategy_changes WHERE scope = ?1 ORDER BY sequence DESC"
                                + " LIMIT 1",
                        scope(scope))
                .stream()
                .findFirst();
    }

    @Override
    public InForce inForce(TenantId tenant) {
        List<StrategyChange> both =
                rows(
                        "(SELECT "
                                + COLUMNS
                                + " FROM strategy_changes WHERE scope = ?1 ORDER BY sequence DESC"
                                + " LIMIT 1) UNION ALL (SELECT "
                                + COLUMNS
                                + " FROM strategy_changes WHERE scope = '*' ORDER BY sequence DESC"
                                + " LIMIT 1)",
                        tenant.value());
        return new InForce(
                both.stream().filter(c -> c.tenant().isPresent()).findFirst(),
                both.stream().filter(c -> c.tenant().isEmpty()).findFirst());
    }

    @Override
    public List<StrategyChange> latestOfEveryScope() {
        return rows(
                "SELECT DISTINCT ON (scope) "
                        + COLUMNS
                        + " FROM strategy_changes ORDER BY scope, sequence DESC");
    }

    @Override
    public List<StrategyChange> after(long id) {
        return rows(
                "SELECT "
                        + COLUMNS
                        + " FROM strategy_changes WHERE id > ?1 OR decided_at > now() - interval"
                        + " '1 minute' ORDER BY id",
                id);
    }

    @Override
    public List<StrategyChange> history(Optional<TenantId> scope, int limit) {
        return rows(
                "SELECT "
                        + COLUMNS
                        + " FROM strategy_changes WHERE scope = ?1 ORDER BY sequence DESC LIMIT ?2",
                scope(scope),
                limit);
    }

    @Override
    public Optional<StrategyChange> append(StrategyChange c) {
        List<?> ids =
                em.createNativeQuery(
                                "INSERT INTO strategy_changes (scope, sequence, strategy,"
                                        + " mixed_rag_threshold, percent, previous_strategy,"
                                        + " previous_threshold, previous_percent, change, reason,"
                                        + " forced, decided_at, decided_by, owner_tenant) SELECT ?1,"
                                        // a NULL parameter has no type of its own in a SELECT
                                        + " ?2, CAST(?3 AS varchar), CAST(?4 AS double precision),"
                                        + " ?5, CAST(?6 AS varchar), CAST(?7 AS double precision),"
                                        + " ?8, ?9, CAST(?10 AS text), ?11, ?12, ?13, ?14"
                                        + " WHERE COALESCE((SELECT MAX(sequence) FROM"
                                        + " strategy_changes WHERE scope = ?1), 0) = ?2 - 1 ON"
                                        + " CONFLICT (scope, sequence) DO NOTHING RETURNING id")
                        .setParameter(1, scope(c.tenant()))
                        .setParameter(2, c.sequence())
                        .setParameter(3, strategy(c.configuration()))
                        .setParameter(4, threshold(c.configuration()))
                        .setParameter(5, c.percent())
                        .setParameter(6, strategy(c.previous()))
                        .setParameter(7, threshold(c.previous()))
                        .setParameter(8, c.previousPercent())
                        .setParameter(9, c.kind().wireName())
                        .setParameter(10, c.reason().orElse(null))
                        .setParameter(11, c.forced())
                        .setParameter(12, Timestamp.from(c.decidedAt()))
                        .setParameter(13, c.decidedBy().subject())
                        .setParameter(14, c.owner().value())
                        .getResultList();
        return ids.stream()
                .findFirst()
                .map(
                        id ->
                                new StrategyChange(
                                        ((Number) id).longValue(),
                                        c.tenant(),
                                        c.sequence(),
                                        c.configuration(),
                                        c.percent(),
                                        c.previous(),
                                        c.previousPercent(),
                                        c.kind(),
                                        c.reason(),
                                        c.forced(),
                                        c.decidedAt(),
                                        c.decidedBy(),
                                        c.owner()));
    }

    private List<StrategyChange> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> change((Object[]) row)).toList();
    }

    private static String scope(Optional<TenantId> tenant) {
        return tenant.map(TenantId::value).orElse(FLEET);
    }

    private static String strategy(Optional<StrategyConfiguration> c) {
        return c.map(x -> x.strategy().label()).orElse(null);
    }

    private static Double threshold(Optional<StrategyConfiguration> c) {
        return c.map(StrategyConfiguration::mixedRagThreshold).orElse(null);
    }

    private static Optional<StrategyConfiguration> configuration(
            Object strategy, Object threshold) {
        return Optional.ofNullable((String) strategy)
                .map(s -> ConfigurationColumns.read(s, threshold));
    }

    private static StrategyChange change(Object[] c) {
        String scope = (String) c[1];
        return new StrategyChange(
                ((Number) c[0]).longValue(),
                FLEET.equals(scope) ? Optional.empty() : Optional.of(new TenantId(scope)),
                ((Number) c[2]).longValue(),
                configuration(c[3], c[4]),
                ((Number) c[5]).intValue(),
                configuration(c[6], c[7]),
                ((Number) c[8]).intValue(),
                StrategyChangeKind.valueOf(((String) c[9]).toUpperCase(Locale.ROOT)),
                Optional.ofNullable((String) c[10]),
                (Boolean) c[11],
                JpaApprovals.instant(c[12]),
                new Actor((String) c[13]),
                new TenantId((String) c[14]));
    }
}
