package dcl.registry.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for the database adapters' tests (embedded, on a free port, schema by the
 * Flyway migrations), and what the container would give an adapter: every call in a transaction of
 * its own, with an entity manager of that transaction. A test class registers it as a static
 * extension: started before its tests, stopped after them.
 */
final class RegistryDatabase implements BeforeAllCallback, AfterAllCallback {
    /** The running transaction's entity manager, per thread (one database per test class). */
    private static final ThreadLocal<EntityManager> TRANSACTION_CONTEXT = new ThreadLocal<>();

    private EmbeddedPostgres postgres;
    private EntityManagerFactory factory;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (nested(context)) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
            Flyway.configure(RegistryDatabase.class.getClassLoader())
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code @Nested} class runs inside its enclosing class and shares that class's database. */
    private static boolean nested(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(Nested.class);
    }

    /** The entity manager of whichever transaction is running, as the container injects it. */
    EntityManager transactionScoped() {
        return (EntityManager)
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
    }

    /** Runs {@code work} in a transaction of its own, rolled back when it fails. */
    <T> T inTransaction(Supplier<T> work) {
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

    void execute(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (nested(context)) {
            return;
        }
        factory.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
