package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.LoadMappingsContract;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.StoreMappingsContract;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database adapter keeps the mapping ports' contracts on a real PostgreSQL ({@link
 * RegistryDatabase}).
 */
class JpaMappingRepositoryContractTest {
    @RegisterExtension static final RegistryDatabase database = new RegistryDatabase();

    private final InTransactions mappings = new InTransactions(repository());

    @BeforeEach
    void emptyTables() {
        database.execute("TRUNCATE field_mappings CASCADE");
    }

    /** The adapter with the entity manager of the current transaction, as the container injects. */
    private static JpaMappingRepository repository() {
        JpaMappingRepository repository = new JpaMappingRepository();
        repository.em = database.transactionScoped();
        return repository;
    }

    @Nested
    class Reads extends LoadMappingsContract {
        @Override
        protected LoadMappings reads() {
            return mappings;
        }

        @Override
        protected StoreMappings store() {
            return mappings;
        }
    }

    @Nested
    class Writes extends StoreMappingsContract {
        @Override
        protected StoreMappings store() {
            return mappings;
        }

        @Override
        protected LoadMappings stored() {
            return mappings;
        }
    }

    /** Each call in a transaction of its own, rolled back when it fails. */
    private record InTransactions(JpaMappingRepository repository)
            implements LoadMappings, StoreMappings {
        @Override
        public Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
            return inTransaction(() -> repository.byId(tenant, id));
        }

        @Override
        public Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
            return inTransaction(() -> repository.byIdentity(tenant, source));
        }

        @Override
        public TableMappingSet table(TenantId tenant, ConnectorId connector, SourceTable table) {
            return inTransaction(() -> repository.table(tenant, connector, table));
        }

        @Override
        public Page<FieldMapping> search(TenantId tenant, MappingQuery query, PageRequest page) {
            return inTransaction(() -> repository.search(tenant, query, page));
        }

        @Override
        public FieldMapping insert(FieldMapping mapping) {
            return inTransaction(() -> repository.insert(mapping));
        }

        @Override
        public FieldMapping update(FieldMapping next) {
            return inTransaction(() -> repository.update(next));
        }

        private static <T> T inTransaction(Supplier<T> work) {
            return database.inTransaction(work);
        }
    }
}
