package dcl.registry.domain.port.in;

import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The registry's tables (of one tenant, or all) as rows of JSON, for a backup. */
public interface BackUpRegistryUseCase {
    /** The tables a backup covers, in restore order. */
    List<String> tables();

    /**
     * Each row of the table (of one tenant, or all), as one line of JSON, in primary-key order;
     * returns the count.
     */
    long export(String table, Optional<TenantId> tenant, Consumer<String> row);
}
