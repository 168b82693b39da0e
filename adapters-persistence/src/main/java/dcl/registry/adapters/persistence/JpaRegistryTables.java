package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RegistryTables;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Rows as PostgreSQL itself renders them ({@code row_to_json}) and reads them back ({@code
 * json_populate_record}): every column, exact, whatever the schema version.
 */
@DatabaseAdapter
class JpaRegistryTables implements RegistryTables {
    /** Table → the columns of its primary key (its backup order); in restore order. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("field_mappings", "id");
        TABLES.put("audit_trail", "seq");
        TABLES.put("mapping_proposals", "id");
        TABLES.put("canonical_tenants", "tenant_id");
        TABLES.put("canonical_entities", "tenant_id, t.name");
        TABLES.put("tenant_rollout", "tenant_id");
        TABLES.put("approvals", "id");
        TABLES.put("webhooks", "tenant_id, t.name");
    }

    /** Sequences to move past restored rows: sequence → (table, column). */
    private static final Map<String, String[]> SEQUENCES =
            Map.of(
                    "mapping_change_seq", new String[] {"field_mappings", "change_seq"},
                    "audit_trail_seq_seq", new String[] {"audit_trail", "seq"});

    @Resource(lookup = "jdbc/dcl")
    DataSource dataSource;

    @Inject Event<RegistryRestored> restoredEvent;

    @Override
    public List<String> tables() {
        return List.copyOf(TABLES.keySet());
    }

    @Override
    public long export(String table, Optional<TenantId> tenant, Consumer<String> row) {
        String key = known(table);
        String sql =
                "SELECT row_to_json(t)::text FROM "
                        + table
                        + " t"
                        + (tenant.isPresent() ? " WHERE t.tenant_id = ?" : "")
                        + " ORDER BY t."
                        + key;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(1000);
            if (tenant.isPresent()) {
                s.setString(1, tenant.get().value());
            }
            long rows = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.accept(r.getString(1));
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("export of " + table + " failed", e);
        }
    }

    @Override
    public long count(String table, Optional<TenantId> tenant) {
        known(table);
        String sql =
                "SELECT count(*) FROM "
                        + table
                        + (tenant.isPresent() ? " WHERE tenant_id = ?" : "");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (tenant.isPresent()) {
                s.setString(1, tenant.get().value());
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count of " + table + " failed", e);
        }
    }

    @Override
    public Map<String, Long> restore(Map<String, Iterator<String>> rowsByTable) {
        Map<String, Long> restored = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES.keySet()) {
                Iterator<String> rows = rowsByTable.get(table);
                long count = 0;
                if (rows != null) {
                    try (PreparedStatement insert =
                            c.prepareStatement(
                                    "INSERT INTO "
                                            + table
                                            + " SELECT * FROM json_populate_record(NULL::"
                                            + table
                                            + ", ?::json)")) {
                        while (rows.hasNext()) {
                            insert.setString(1, rows.next());
                            insert.addBatch();
                            if (++count % 500 == 0) {
                                insert.executeBatch();
                            }
                        }
                        insert.executeBatch();
                    }
                }
                restored.put(table, count);
            }
            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, String[]> sequence : SEQUENCES.entrySet()) {
                    String[] column = sequence.getValue();
                    s.execute(
                            "SELECT setval('"
                                    + sequence.getKey()
                                    + "', GREATEST((SELECT COALESCE(max("
                                    + column[1]
                                    + "), 0) FROM "
                                    + column[0]
                                    + "), (SELECT last_value FROM "
                                    + sequence.getKey()
                                    + ")))");
                }
            }
            restoredEvent.fire(new RegistryRestored());
            return restored;
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        }
    }

    private static String known(String table) {
        String key = TABLES.get(table);
        if (key == null) {
            throw new IllegalArgumentException("not a registry table: " + table);
        }
        return key;
    }
}
