package dcl.registry.adapters.persistence;

import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StoreProposals;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposals in PostgreSQL, with their evidence (ranked candidates, reasoning, fallbacks) as JSON.
 */
@DatabaseAdapter
class JpaProposals implements StoreProposals {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void save(MappingProposal p) {
        JsonArrayBuilder candidates = JSON.createArrayBuilder();
        for (Candidate c : p.candidates()) {
            candidates.add(
                    JSON.createObjectBuilder()
                            .add("target", c.target().toString())
                            .add("score", c.score())
                            .add("reasoning", c.reasoning()));
        }
        JsonArrayBuilder similar = JSON.createArrayBuilder();
        for (SimilarMapping s : p.answer().similar()) {
            similar.add(
                    JSON.createObjectBuilder()
                            .add("mappingId", s.mappingId().toString())
                            .add("source", s.source().toString())
                            .add("target", s.target().toString())
                            .add("similarity", s.similarity()));
        }
        JsonArrayBuilder degraded = JSON.createArrayBuilder();
        p.degraded().forEach(f -> degraded.add(f.toString()));
        JsonObjectBuilder evidence =
                JSON.createObjectBuilder()
                        .add("strategy", p.strategy())
                        .add("sampleValues", JSON.createArrayBuilder(p.samples()))
                        .add("candidates", candidates)
                        .add("similarMappings", similar)
                        .add("degraded", degraded)
                        .add("abstained", p.answer().abstained());
        p.answer().promptVersion().ifPresent(v -> evidence.add("promptVersion", v));
        em.createNativeQuery(
                        "INSERT INTO mapping_proposals (id, tenant_id, connector, source_table,"
                                + " source_field, canonical_entity, canonical_field, confidence,"
                                + " strategy, evidence, created_at, created_by) VALUES (?1, ?2, ?3, ?4,"
                                + " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, p.id().toString())
                .setParameter(2, p.tenant().value())
                .setParameter(3, p.source().connector().value())
                .setParameter(4, p.source().table().name())
                .setParameter(5, p.source().field().name())
                .setParameter(6, p.best().target().entity())
                .setParameter(7, p.best().target().field())
                .setParameter(8, p.best().score())
                .setParameter(9, p.strategy())
                .setParameter(10, evidence.build().toString())
                .setParameter(11, Timestamp.from(p.createdAt()))
                .setParameter(12, p.createdBy().subject())
                .executeUpdate();
    }

    /** Whether the stored evidence says the strategy abstained (absent in older proposals). */
    private static boolean abstained(String evidence) {
        try (var reader = JSON.createReader(new java.io.StringReader(evidence))) {
            return reader.readObject().getBoolean("abstained", false);
        }
    }

    @Override
    public Optional<StoredProposal> byId(TenantId tenant, UUID id) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT connector, source_table, source_field, canonical_entity,"
                                        + " canonical_field, confidence, strategy, created_at,"
                                        + " created_by, evidence FROM mapping_proposals WHERE tenant_id"
                                        + " = ?1 AND id = ?2")
                        .setParameter(1, tenant.value())
                        .setParameter(2, id.toString())
                        .getResultList();
        return rows.stream()
                .findFirst()
                .map(
                        row -> {
                            Object[] c = (Object[]) row;
                            return new StoredProposal(
                                    id,
                                    new SourceRef(
                                            new ConnectorId((String) c[0]),
                                            new SourceTable((String) c[1]),
                                            new SourceField((String) c[2])),
                                    new CanonicalField((String) c[3], (String) c[4]),
                                    ((Number) c[5]).doubleValue(),
                                    (String) c[6],
                                    JpaApprovals.instant(c[7]),
                                    (String) c[8],
                                    String.valueOf(c[9]),
                                    abstained(String.valueOf(c[9])));
                        });
    }
}
