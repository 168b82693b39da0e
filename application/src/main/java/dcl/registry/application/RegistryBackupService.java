package dcl.registry.application;

import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.BackUpRegistryUseCase;
import dcl.registry.domain.port.in.RestoreRegistryUseCase;
import dcl.registry.domain.port.out.RegistryTables;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Backup and restore of the registry's tables; a restore never mixes with rows already there. */
public class RegistryBackupService implements BackUpRegistryUseCase, RestoreRegistryUseCase {
    private final RegistryTables tables;

    public RegistryBackupService(RegistryTables tables) {
        this.tables = tables;
    }

    @Override
    public List<String> tables() {
        return tables.tables();
    }

    @Override
    public long export(String table, Optional<TenantId> tenant, Consumer<String> row) {
        return tables.export(table, tenant, row);
    }

    @Override
    public Optional<String> occupied(Optional<TenantId> tenant) {
        for (String table : tables.tables()) {
            long present = tables.count(table, tenant);
            if (present > 0) {
                return Optional.of(
                        "restore goes into an empty database: "
                                + table
                                + " already has "
                                + present
                                + " rows"
                                + tenant.map(t -> " for tenant " + t).orElse(""));
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Long> restore(Map<String, Iterator<String>> rowsByTable) {
        return tables.restore(rowsByTable);
    }
}
