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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The database adapter keeps the mapping ports' contracts on a real PostgreSQL (embedded, on a free
 * port, schema by the Flyway migrations). Outside the container, the adapter gets what the
 * container gives it: every call in a transaction of its own, with a persistence context of that
 * transaction.
 */
class JpaMappingRepositoryContractTest {
    private static final ThreadLocal<EntityManager> TRANSACTION_CONTEXT = new ThreadLocal<>();
    private static EmbeddedPostgres postgres;
    private static EntityManagerFactory factory;

    private final InTransactions mappings = new InTransactions(repository());

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure(JpaMappingRepositoryContractTest.class.getClassLoader())
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        factory =
                Persistence.createEntityManagerFactory(
                        "registry",
                        Map.of(
                                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                                "jakarta.persistence.jtaDataSource", "",
                                "jakarta.persistence.nonJtaDataSource",
                                        postgres.getPostgresDatabase(),
                                "eclipselink.weaving", "false"));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        factory.close();
        postgres.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE field_mappings CASCADE");
        }
    }

    /** The adapter with the entity manager of the current transaction, as the container injects. */
    private static JpaMappingRepository repository() {
        JpaMappingRepository repository = new JpaMappingRepository();
        repository.em =
                (EntityManager)
                        Proxy.newProxyInstance(
                                EntityManager.class.getClassLoader(),
                                new Class<?>[] {EntityManager.class},
                                (proxy, method, args) -> {
                                    try {
                                        return method.invoke(TRANSACTION_CONTEXT.get(), args);
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
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
            EntityManager em = factory.createEntityManager();
            EntityTransaction transaction = em.getTransaction();
            TRANSACTION_CONTEXT.set(em);
            transaction.begin();
            try {
                T result = work.get();
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                TRANSACTION_CONTEXT.remove();
                em.close();
            }
        }
    }
}
