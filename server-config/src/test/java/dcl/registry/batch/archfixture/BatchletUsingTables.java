package dcl.registry.batch.archfixture;

import dcl.registry.domain.port.out.RegistryTables;

/**
 * A deliberate violation, for testing the driving-adapter rule: a batchlet that uses an outbound
 * port (as BackupBatchlet did) instead of a use case.
 */
public class BatchletUsingTables {
    final RegistryTables tables;

    public BatchletUsingTables(RegistryTables tables) {
        this.tables = tables;
    }
}
