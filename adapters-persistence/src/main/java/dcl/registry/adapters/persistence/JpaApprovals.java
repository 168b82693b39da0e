package dcl.registry.adapters.persistence;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.ApprovalStatus;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StoreApprovals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The approval queue in PostgreSQL; a decision is an UPDATE guarded by the version read. */
@DatabaseAdapter
class JpaApprovals implements StoreApprovals {
    private static final String COLUMNS =
            "id, tenant_id, change, confidence, proposal_id, status, submitted_by, submitted_at,"
                    + " reason, decided_by, decided_at, notes, version, mapping_id";

    /** Pending approvals, as a literal so that the partial index approvals_pending applies. */
    private static final String PENDING = "status = '" + ApprovalStatus.PROPOSED.name() + "'";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void insert(Approval a) {
        em.createNativeQuery(
                        "INSERT INTO approvals (id, tenant_id, change_type, change, connector,"
                                + " source_table, source_field, canonical_entity, confidence,"
                                + " proposal_id, status, submitted_by, submitted_at, reason, version,"
                                + " mapping_id, look_alike_key, canonical_field) VALUES (?1, ?2, ?3,"
                                + " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                                + " ?18)")
                .setParameter(1, a.id().toString())
                .setParameter(2, a.tenant().value())
                .setParameter(3, a.change().type())
                .setParameter(4, ApprovalJson.write(a.change()))
                .setParameter(5, a.change().source().connector().value())
                .setParameter(6, a.change().source().table().name())
                .setParameter(7, a.change().source().field().name())
                .setParameter(8, a.change().target().entity())
                .setParameter(9, a.confidence())
                .setParameter(10, a.proposalId().map(UUID::toString).orElse(null))
                .setParameter(11, a.status().name())
                .setParameter(12, a.submittedBy().subject())
                .setParameter(13, Timestamp.from(a.submittedAt()))
                .setParameter(14, a.reason())
                .setParameter(15, a.version())
                .setParameter(16, a.mappingId().map(MappingId::toString).orElse(null))
                .setParameter(17, LookAlikeIndex.nameKey(a.change().source()))
                .setParameter(18, a.change().target().field())
                .executeUpdate();
    }

    @Override
    public Optional<Approval> byId(TenantId tenant, ApprovalId id) {
        return rows(
                        em.createNativeQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM approvals WHERE tenant_id = ?1 AND id ="
                                                + " ?2")
                                .setParameter(1, tenant.value())
                                .setParameter(2, id.toString()))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Approval> ofProposal(TenantId tenant, UUID proposalId) {
        return rows(
                        em.createNativeQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM approvals WHERE tenant_id = ?1 AND"
                                                + " proposal_id = ?2 ORDER BY submitted_at DESC"
                                                + " LIMIT 1")
                                .setParameter(1, tenant.value())
                                .setParameter(2, proposalId.toString()))
                .stream()
                .findFirst();
    }

    @Override
    public List<Approval> pendingFor(TenantId tenant, SourceRef source) {
        return rows(
                em.createNativeQuery(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM approvals WHERE tenant_id = ?1 AND "
                                        + PENDING
                                        + " AND connector = ?2 AND lower(source_table) = ?3 AND"
                                        + " source_field = ?4 ORDER BY submitted_at")
                        .setParameter(1, tenant.value())
                        .setParameter(2, source.connector().value())
                        .setParameter(3, source.table().key())
                        .setParameter(4, source.field().name()));
    }

    @Override
    public boolean update(Approval next) {
        return em.createNativeQuery(
                                "UPDATE approvals SET change_type = ?1, change = ?2, confidence ="
                                        + " ?3, status = ?4, submitted_by = ?5, submitted_at = ?6,"
                                        + " reason = ?7, decided_by = ?8, decided_at = CAST(?9 AS"
                                        + " timestamptz), notes = ?10, version = ?11, mapping_id = ?15"
                                        + " WHERE tenant_id = ?12 AND id = ?13 AND version = ?14")
                        .setParameter(1, next.change().type())
                        .setParameter(2, ApprovalJson.write(next.change()))
                        .setParameter(3, next.confidence())
                        .setParameter(4, next.status().name())
                        .setParameter(5, next.submittedBy().subject())
                        .setParameter(6, Timestamp.from(next.submittedAt()))
                        .setParameter(7, next.reason())
                        .setParameter(8, next.decidedBy().map(Actor::subject).orElse(null))
                        .setParameter(9, next.decidedAt().map(Timestamp::from).orElse(null))
                        .setParameter(10, next.notes().orElse(null))
                        .setParameter(11, next.version())
                        .setParameter(12, next.tenant().value())
                        .setParameter(13, next.id().toString())
                        .setParameter(14, next.version() - 1)
                        .setParameter(15, next.mappingId().map(MappingId::toString).orElse(null))
                        .executeUpdate()
                == 1;
    }

    @Override
    public void recordMapping(Approval approved) {
        int updated =
                em.createNativeQuery(
                                "UPDATE approvals SET mapping_id = ?1 WHERE tenant_id = ?2 AND id ="
                                        + " ?3 AND version = ?4")
                        .setParameter(1, approved.mappingId().map(MappingId::toString).orElse(null))
                        .setParameter(2, approved.tenant().value())
                        .setParameter(3, approved.id().toString())
                        .setParameter(4, approved.version())
                        .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException(
                    "approval "
                            + approved.id()
                            + " at version "
                            + approved.version()
                            + " is not stored: its mapping cannot be recorded");
        }
    }

    @Override
    public Page<Approval> pending(
            TenantId tenant, PendingFilter filter, Instant now, PageRequest page) {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT "
                                + COLUMNS
                                + " FROM approvals WHERE tenant_id = ?1 AND "
                                + PENDING);
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        filter.connector()
                .ifPresent(
                        c -> {
                            parameters.add(c.value());
                            sql.append(" AND connector = ?").append(parameters.size());
                        });
        filter.entity()
                .ifPresent(
                        e -> {
                            parameters.add(e);
                            sql.append(" AND canonical_entity = ?").append(parameters.size());
                        });
        filter.minAge()
                .ifPresent(
                        age -> {
                            parameters.add(Timestamp.from(now.minus(age)));
                            sql.append(" AND submitted_at <= ?").append(parameters.size());
                        });
        if (page.cursor().isPresent()) {
            Cursor after = Cursor.decode(page.cursor().get());
            parameters.add(Timestamp.from(after.submittedAt()));
            int at = parameters.size();
            parameters.add(after.id());
            sql.append(" AND (submitted_at, id) > (?")
                    .append(at)
                    .append(", ?")
                    .append(at + 1)
                    .append(")");
        }
        sql.append(" ORDER BY submitted_at, id LIMIT ").append(page.limit() + 1);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Approval> found = rows(query);
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        Approval last = found.get(page.limit() - 1);
        return new Page<>(
                found.subList(0, page.limit()),
                Optional.of(new Cursor(last.submittedAt(), last.id().toString()).encode()));
    }

    /** Where the next page starts: after this submission time and id. */
    record Cursor(Instant submittedAt, String id) {
        String encode() {
            return OpaqueCursor.encode(submittedAt.toString(), id);
        }

        static Cursor decode(String text) {
            return OpaqueCursor.decode(
                    text,
                    2,
                    parts ->
                            new Cursor(
                                    Instant.parse(parts.get(0)),
                                    UUID.fromString(parts.get(1)).toString()));
        }
    }

    private static List<Approval> rows(Query query) {
        List<Approval> approvals = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            approvals.add(
                    new Approval(
                            ApprovalId.parse((String) c[0]),
                            new TenantId((String) c[1]),
                            ApprovalJson.read((String) c[2]),
                            ((Number) c[3]).doubleValue(),
                            Optional.ofNullable((String) c[4]).map(UUID::fromString),
                            Optional.ofNullable((String) c[13]).map(MappingId::parse),
                            ApprovalStatus.valueOf((String) c[5]),
                            new Actor((String) c[6]),
                            instant(c[7]),
                            (String) c[8],
                            Optional.ofNullable((String) c[9]).map(Actor::new),
                            Optional.ofNullable(c[10]).map(JpaApprovals::instant),
                            Optional.ofNullable((String) c[11]),
                            ((Number) c[12]).longValue()));
        }
        return approvals;
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
