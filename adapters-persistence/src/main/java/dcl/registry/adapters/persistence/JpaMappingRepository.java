package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Mappings in PostgreSQL. Every query is scoped by tenant. */
@DatabaseAdapter
public class JpaMappingRepository implements LoadMappings, StoreMappings {
    private static final String UNIQUE_VIOLATION = "23505";
    static final String DATABASE_SPAN = "dcl.database.read";

    /**
     * {@link MappingStatus#SERVED} as an SQL list of literals: {@code 'ACTIVE', 'NEEDS_REVIEW'}.
     */
    private static final String SERVED_STATUSES =
            MappingStatus.SERVED.stream()
                    .map(status -> "'" + status.name() + "'")
                    .collect(Collectors.joining(", "));

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
        return em.createQuery(
                        "SELECT m FROM FieldMappingEntity m WHERE m.tenantId = :tenant AND m.id ="
                                + " :id",
                        FieldMappingEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("id", id.toString())
                .getResultStream()
                .findFirst()
                .map(FieldMappingRows::toDomain);
    }

    // Database reads of the lookup path are child spans of the request (the cache's misses).
    @Override
    @WithSpan(DATABASE_SPAN)
    public Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
        return em.createQuery(
                        "SELECT m FROM FieldMappingEntity m WHERE m.tenantId = :tenant AND"
                                + " m.connector = :connector AND LOWER(m.sourceTable) = :table AND"
                                + " m.sourceField = :field",
                        FieldMappingEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("connector", source.connector().value())
                .setParameter("table", source.table().key())
                .setParameter("field", source.field().name())
                .getResultStream()
                .findFirst()
                .map(FieldMappingRows::toDomain);
    }

    @Override
    @WithSpan(DATABASE_SPAN)
    public TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table) {
        List<FieldMappingEntity> rows =
                em.createQuery(
                                "SELECT m FROM FieldMappingEntity m WHERE m.tenantId = :tenant AND"
                                        + " m.connector = :connector AND LOWER(m.sourceTable) = :table"
                                        + " ORDER BY m.sourceField",
                                FieldMappingEntity.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("connector", connector.value())
                        .setParameter("table", table.key())
                        .getResultList();
        long version = 0;
        List<FieldMapping> active = new ArrayList<>();
        SourceTable stored = table;
        for (FieldMappingEntity row : rows) {
            version = Math.max(version, row.changeSeq);
            if (MappingStatus.valueOf(row.status).isServed()) {
                FieldMapping mapping = FieldMappingRows.toDomain(row);
                active.add(mapping);
                stored = mapping.source().table();
            }
        }
        return TableMappingSet.of(connector, stored, version, active);
    }

    /**
     * The tables of tenants with at most {@code maxPerTenant} ACTIVE mappings, biggest tenants
     * last, at most {@code maxTables}: what cache warming loads.
     */
    public List<TableOfTenant> tablesOfSmallTenants(int maxPerTenant, int maxTables) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT m.tenant_id, m.connector, min(m.source_table) FROM"
                                        + " field_mappings m JOIN (SELECT tenant_id, count(*) AS n FROM"
                                        + " field_mappings WHERE status IN ("
                                        + SERVED_STATUSES
                                        + ") GROUP BY tenant_id HAVING count(*) <= ?1) small ON"
                                        + " small.tenant_id = m.tenant_id WHERE m.status IN ("
                                        + SERVED_STATUSES
                                        + ") GROUP BY m.tenant_id, m.connector,"
                                        + " lower(m.source_table), small.n ORDER BY small.n,"
                                        + " m.tenant_id")
                        .setParameter(1, maxPerTenant)
                        .setMaxResults(maxTables)
                        .getResultList();
        List<TableOfTenant> tables = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            tables.add(
                    new TableOfTenant(
                            new TenantId((String) columns[0]),
                            new ConnectorId((String) columns[1]),
                            new SourceTable((String) columns[2])));
        }
        return tables;
    }

    /** A source table of one tenant. */
    public record TableOfTenant(TenantId tenant, ConnectorId connector, SourceTable table) {}

    @Override
    public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
        StringBuilder jpql =
                new StringBuilder("SELECT m FROM FieldMappingEntity m WHERE m.tenantId = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        query.connector()
                .ifPresent(
                        c -> {
                            jpql.append(" AND m.connector = :connector");
                            params.put("connector", c.value());
                        });
        query.table()
                .ifPresent(
                        t -> {
                            jpql.append(" AND LOWER(m.sourceTable) = :table");
                            params.put("table", t.key());
                        });
        query.canonicalEntity()
                .ifPresent(
                        e -> {
                            jpql.append(" AND LOWER(m.canonicalEntity) = :entity");
                            params.put("entity", e.toLowerCase(Locale.ROOT));
                        });
        query.status()
                .ifPresent(
                        s -> {
                            jpql.append(" AND m.status = :status");
                            params.put("status", s.name());
                        });
        query.text()
                .filter(q -> !q.isBlank())
                .ifPresent(
                        q -> {
                            jpql.append(
                                    " AND (LOWER(m.sourceField) LIKE :q ESCAPE '\\' OR"
                                            + " LOWER(m.sourceTable) LIKE :q ESCAPE '\\' OR"
                                            + " LOWER(m.canonicalField) LIKE :q ESCAPE '\\' OR"
                                            + " LOWER(m.canonicalEntity) LIKE :q ESCAPE '\\')");
                            params.put("q", "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
                        });
        page.cursor()
                .map(PageCursor::decode)
                .ifPresent(
                        after -> {
                            jpql.append(
                                    " AND (m.connector > :afterConnector OR (m.connector ="
                                            + " :afterConnector AND LOWER(m.sourceTable) > :afterTable)"
                                            + " OR (m.connector = :afterConnector AND"
                                            + " LOWER(m.sourceTable) = :afterTable AND m.sourceField >"
                                            + " :afterField))");
                            params.put("afterConnector", after.connector());
                            params.put("afterTable", after.tableKey());
                            params.put("afterField", after.field());
                        });
        jpql.append(" ORDER BY m.connector, LOWER(m.sourceTable), m.sourceField");
        TypedQuery<FieldMappingEntity> typed =
                em.createQuery(jpql.toString(), FieldMappingEntity.class);
        params.forEach(typed::setParameter);
        List<FieldMappingEntity> rows = typed.setMaxResults(page.limit() + 1).getResultList();
        boolean more = rows.size() > page.limit();
        List<FieldMapping> items =
                rows.stream().limit(page.limit()).map(FieldMappingRows::toDomain).toList();
        Optional<String> next = Optional.empty();
        if (more) {
            FieldMapping last = items.get(items.size() - 1);
            next =
                    Optional.of(
                            new PageCursor(
                                            last.source().connector().value(),
                                            last.source().table().key(),
                                            last.source().field().name())
                                    .encode());
        }
        return new Page<>(items, next);
    }

    @Override
    public FieldMapping insert(FieldMapping mapping) {
        FieldMappingEntity row = new FieldMappingEntity();
        FieldMappingRows.copy(mapping, row);
        row.version = mapping.version();
        em.persist(row);
        flush(mapping, mapping.version() - 1);
        return mapping;
    }

    @Override
    public FieldMapping update(FieldMapping next) {
        FieldMappingEntity row = em.find(FieldMappingEntity.class, next.id().toString());
        long expected = next.version() - 1;
        if (row == null || !row.tenantId.equals(next.tenant().value())) {
            throw new IllegalStateException("update of a mapping that is not stored: " + next.id());
        }
        if (row.version != expected) {
            throw new StaleVersion(expected, row.version);
        }
        FieldMappingRows.copy(next, row);
        flush(next, expected);
        return next;
    }

    /** Writes now, so that a lost race shows as the domain error it is. */
    private void flush(FieldMapping written, long expectedVersion) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersion(expectedVersion, expectedVersion + 1);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateMapping(written.source());
            }
            throw e;
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
