package dcl.registry.adapters.persistence;

import dcl.registry.domain.decision.ConfigurationOrigin;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.DecisionLog;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The decision audit trail in PostgreSQL: one row a decision, read by keyset pages. */
@DatabaseAdapter
class JpaDecisionLog implements DecisionLog {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String COLUMNS =
            "id, decided_at, tenant_id, kind, connector, source_table, source_field, strategy,"
                    + " mixed_rag_threshold, configuration_origin, configuration_version,"
                    + " llm_model, prompt_version, embedding_model, strategy_selected,"
                    + " selection_reason, strategy_answered, fallbacks, answer, confidence,"
                    + " latency_micros, violation, proposal_id, ranking_model";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void record(Decision d) {
        ConfigurationSnapshot snapshot = d.configuration();
        EffectiveConfiguration effective = snapshot.effective();
        JsonArrayBuilder fallbacks = JSON.createArrayBuilder();
        d.fallbacks()
                .forEach(
                        f ->
                                fallbacks.add(
                                        JSON.createObjectBuilder()
                                                .add("strategy", f.strategy())
                                                .add("reason", f.reason())));
        em.createNativeQuery(
                        "INSERT INTO decisions ("
                                + COLUMNS
                                + ", configuration) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                + " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                                + " ?22, ?23, ?24, ?25)")
                .setParameter(1, d.id().toString())
                .setParameter(2, Timestamp.from(d.at()))
                .setParameter(3, d.tenant().value())
                .setParameter(4, d.kind().wireName())
                .setParameter(5, d.source().connector().value())
                .setParameter(6, d.source().table().name())
                .setParameter(7, d.source().field().name())
                .setParameter(8, effective.configuration().strategy().label())
                .setParameter(9, effective.configuration().mixedRagThreshold())
                .setParameter(10, effective.origin().wireName())
                .setParameter(11, effective.version())
                .setParameter(12, snapshot.llmModel().orElse(null))
                .setParameter(13, snapshot.promptVersion().orElse(null))
                .setParameter(14, snapshot.embeddingModel())
                .setParameter(15, d.strategySelected())
                .setParameter(16, d.selectionReason().orElse(null))
                .setParameter(17, d.strategyAnswered())
                .setParameter(18, fallbacks.build().toString())
                .setParameter(19, d.answer().map(CanonicalField::toString).orElse(null))
                .setParameter(20, d.confidence())
                .setParameter(21, d.latency().toNanos() / 1000)
                .setParameter(22, d.violation().orElse(null))
                .setParameter(23, d.proposalId().map(UUID::toString).orElse(null))
                .setParameter(24, d.rankingModel().orElse(null))
                .setParameter(25, effective.configuration().label())
                .executeUpdate();
    }

    @Override
    public List<Decision> page(
            TenantId tenant, DecisionQuery query, Optional<Decision> after, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM decisions WHERE tenant_id = ?1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.value());
        after.ifPresent(
                last -> {
                    sql.append(" AND (decided_at, id) > (?2, ?3)");
                    parameters.add(Timestamp.from(last.at()));
                    parameters.add(last.id().toString());
                });
        query.from().ifPresent(f -> condition(sql, parameters, " AND decided_at >= ?", ts(f)));
        query.to().ifPresent(t -> condition(sql, parameters, " AND decided_at < ?", ts(t)));
        query.strategy()
                .ifPresent(
                        s -> {
                            condition(sql, parameters, " AND (strategy_answered = ?", s);
                            condition(sql, parameters, " OR strategy_answered LIKE ?", like(s));
                            sql.append(')');
                        });
        query.violation()
                .ifPresent(
                        v ->
                                sql.append(
                                        v
                                                ? " AND violation IS NOT NULL"
                                                : " AND violation IS NULL"));
        sql.append(" ORDER BY decided_at, id LIMIT ").append(limit);
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(row -> decision((Object[]) row)).toList();
    }

    private static void condition(
            StringBuilder sql, List<Object> parameters, String clause, Object value) {
        parameters.add(value);
        sql.append(clause).append(parameters.size());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    /**
     * {@code drift-repair} also matches {@code drift-repair:<change>}; LIKE's wildcards escaped.
     */
    private static String like(String strategy) {
        return strategy.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%";
    }

    @Override
    public long forgetBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM decisions WHERE decided_at < ?1")
                .setParameter(1, Timestamp.from(before))
                .executeUpdate();
    }

    @Override
    public long keepNewest(long keep) {
        return em.createNativeQuery(
                        "DELETE FROM decisions WHERE seq IN (SELECT seq FROM (SELECT seq,"
                                + " ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY seq DESC)"
                                + " AS newest FROM decisions) ranked WHERE newest > ?1)")
                .setParameter(1, keep)
                .executeUpdate();
    }

    private static Decision decision(Object[] c) {
        EffectiveConfiguration effective =
                new EffectiveConfiguration(
                        ConfigurationColumns.read(c[7], c[8]),
                        ConfigurationOrigin.valueOf(((String) c[9]).toUpperCase(Locale.ROOT)),
                        ((Number) c[10]).longValue());
        return new Decision(
                uuid(c[0]),
                JpaApprovals.instant(c[1]),
                new TenantId((String) c[2]),
                DecisionKind.valueOf(((String) c[3]).toUpperCase(Locale.ROOT).replace('-', '_')),
                new SourceRef(
                        new ConnectorId((String) c[4]),
                        new SourceTable((String) c[5]),
                        new SourceField((String) c[6])),
                new ConfigurationSnapshot(
                        effective,
                        Optional.ofNullable((String) c[11]),
                        Optional.ofNullable((String) c[12]),
                        (String) c[13]),
                (String) c[14],
                Optional.ofNullable((String) c[15]),
                (String) c[16],
                Optional.ofNullable((String) c[23]),
                fallbacks((String) c[17]),
                Optional.ofNullable((String) c[18]).map(CanonicalField::parse),
                ((Number) c[19]).doubleValue(),
                Duration.ofNanos(((Number) c[20]).longValue() * 1000),
                Optional.ofNullable((String) c[21]),
                Optional.ofNullable(c[22]).map(JpaDecisionLog::uuid));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static List<Fallback> fallbacks(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().stream()
                    .map(v -> v.asJsonObject())
                    .map(o -> new Fallback(o.getString("strategy"), o.getString("reason")))
                    .toList();
        }
    }
}
