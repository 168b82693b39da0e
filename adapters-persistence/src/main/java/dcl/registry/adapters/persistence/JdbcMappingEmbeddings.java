package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.intelligence.KnownVector;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StoredEmbeddings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Mapping embeddings in PostgreSQL, read in one streamed pass at start (plain JDBC: bytes in, bytes
 * out).
 */
@ApplicationScoped
class JdbcMappingEmbeddings implements StoredEmbeddings {
    private static final int FETCH = 2_000;

    @Resource(lookup = "jdbc/dcl")
    DataSource dataSource;

    @Override
    public void forEachActive(String modelKey, Consumer<KnownVector> each) {
        String sql =
                "SELECT m.tenant_id, m.id, m.connector, m.source_table, m.source_field,"
                        + " m.canonical_entity, m.canonical_field, e.vector FROM field_mappings m LEFT"
                        + " JOIN mapping_embeddings e ON e.mapping_id = m.id AND e.model_key = ? WHERE"
                        + " m.status = 'ACTIVE' ORDER BY m.tenant_id";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(
                    false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH);
                s.setString(1, modelKey);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        each.accept(known(r));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreUnavailable();
        }
    }

    @Override
    public void save(String modelKey, TenantId tenant, Map<MappingId, QuantizedVector> vectors) {
        String sql =
                "INSERT INTO mapping_embeddings (mapping_id, model_key, tenant_id, vector) VALUES"
                        + " (?, ?, ?, ?) ON CONFLICT (mapping_id, model_key) DO UPDATE SET vector ="
                        + " EXCLUDED.vector";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<MappingId, QuantizedVector> v : vectors.entrySet()) {
                s.setString(1, v.getKey().toString());
                s.setString(2, modelKey);
                s.setString(3, tenant.value());
                s.setBytes(4, v.getValue().toBytes());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreUnavailable();
        }
    }

    @Override
    public long latestChange() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT coalesce(max(change_seq), 0) FROM field_mappings");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreUnavailable();
        }
    }

    private static final String CHANGED =
            "SELECT m.tenant_id, m.id, m.connector, m.source_table, m.source_field,"
                    + " m.canonical_entity, m.canonical_field, e.vector, m.status, m.change_seq FROM"
                    + " field_mappings m LEFT JOIN mapping_embeddings e ON e.mapping_id = m.id AND"
                    + " e.model_key = ?";

    @Override
    public List<ChangedMapping> changedSince(String modelKey, long position, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                CHANGED
                                        + " WHERE m.change_seq > ? ORDER BY m.change_seq LIMIT"
                                        + " ?")) {
            s.setString(1, modelKey);
            s.setLong(2, position);
            s.setInt(3, limit);
            return changed(s);
        } catch (SQLException e) {
            throw new StoreUnavailable();
        }
    }

    @Override
    public List<ChangedMapping> changedAt(String modelKey, Collection<Long> positions) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                CHANGED + " WHERE m.change_seq = ANY (?) ORDER BY m.change_seq")) {
            s.setString(1, modelKey);
            s.setArray(2, c.createArrayOf("bigint", positions.toArray()));
            return changed(s);
        } catch (SQLException e) {
            throw new StoreUnavailable();
        }
    }

    private static List<ChangedMapping> changed(PreparedStatement s) throws SQLException {
        List<ChangedMapping> changed = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                changed.add(
                        new ChangedMapping(
                                known(r), "ACTIVE".equals(r.getString(9)), r.getLong(10)));
            }
        }
        return changed;
    }

    /** Columns 1-8 of a mapping row joined with its vector. */
    private static KnownVector known(ResultSet r) throws SQLException {
        byte[] vector = r.getBytes(8);
        return new KnownVector(
                new TenantId(r.getString(1)),
                MappingId.parse(r.getString(2)),
                new SourceRef(
                        new ConnectorId(r.getString(3)),
                        new SourceTable(r.getString(4)),
                        new SourceField(r.getString(5))),
                new CanonicalField(r.getString(6), r.getString(7)),
                Optional.ofNullable(vector).map(QuantizedVector::fromBytes));
    }
}
