package dcl.registry.adapters.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema to the latest migration before the application serves anything. */
@ApplicationScoped
public class SchemaMigrations {
    /** Runs before anything else that starts with the application and needs the schema. */
    public static final int STARTUP_ORDER = 1000;

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /**
     * Unshareable: Flyway holds two connections at once (its lock and the migration), which a
     * shareable resource cannot give in one transaction scope, so Liberty would say so at every
     * start (J2CA0086I) before handing out separate connections anyway.
     */
    @Resource(lookup = "jdbc/dcl", shareable = false)
    DataSource dataSource;

    void migrateAtStart(
            @Observes @Initialized(ApplicationScoped.class) @Priority(STARTUP_ORDER)
                    Object started) {
        MigrateResult result =
                Flyway.configure(SchemaMigrations.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
        // Flyway names a target only when it migrated: an up-to-date schema stays where it was.
        String version =
                result.targetSchemaVersion != null
                        ? result.targetSchemaVersion
                        : result.initialSchemaVersion;
        LOG.info(
                () ->
                        "Database schema at version "
                                + version
                                + " ("
                                + result.migrationsExecuted
                                + " migrations applied now)");
    }
}
