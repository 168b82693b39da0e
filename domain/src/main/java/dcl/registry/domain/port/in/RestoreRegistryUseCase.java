package dcl.registry.domain.port.in;

import dcl.registry.domain.model.TenantId;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Puts a verified backup back: into empty tables only, all or nothing. */
public interface RestoreRegistryUseCase {
    /**
     * Why a restore (of one tenant, or all) would be refused: the first table already holding rows;
     * empty when every table is empty.
     */
    Optional<String> occupied(Optional<TenantId> tenant);

    /** Inserts all rows of all tables in one transaction; returns the count per table. */
    Map<String, Long> restore(Map<String, Iterator<String>> rowsByTable);
}
