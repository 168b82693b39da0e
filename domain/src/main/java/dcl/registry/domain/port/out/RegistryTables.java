package dcl.registry.domain.port.out;

import dcl.registry.domain.model.TenantId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry's own tables as rows of JSON, for backup and restore. Rows are written in
 * primary-key order, so the same data always gives the same lines.
 */
public interface RegistryTables {
    /** The tables a backup covers, in restore order. */
    List<String> tables();

    /**
     * Each row of the table (of one tenant, or all), as one line of JSON, in primary-key order;
     * returns the count.
     */
    long export(String table, Optional<TenantId> tenant, Consumer<String> row);

    /** Rows already in the table (of one tenant, or all): a restore goes into empty tables only. */
    long count(String table, Optional<TenantId> tenant);

    /**
     * Inserts all rows of all tables in one transaction and moves the sequences past them; returns
     * counts.
     */
    Map<String, Long> restore(Map<String, Iterator<String>> rowsByTable);
}
