package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.DomainException;
import dcl.registry.domain.error.StoreUnavailable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns "the database cannot be reached" into {@link StoreUnavailable} (503 with Retry-After) and
 * leaves every other error alone; while the {@link DatabaseGate} is closed it refuses at once. Runs
 * outside the transaction interceptor, so a failed commit is translated too.
 */
@TranslatesDatabaseFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DatabaseFailureTranslator {
    private static final Logger LOG = Logger.getLogger(DatabaseFailureTranslator.class.getName());

    @Inject DatabaseGate gate;

    @AroundInvoke
    Object translate(InvocationContext call) throws Exception {
        if (gate.closed()) {
            throw new StoreUnavailable();
        }
        try {
            return call.proceed();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                LOG.log(
                        Level.WARNING,
                        "Database unreachable in "
                                + call.getMethod().getName()
                                + ": "
                                + rootMessage(e));
                gate.suspect();
                throw new StoreUnavailable();
            }
            throw e;
        }
    }

    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain instanceof StoreUnavailable;
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            // 08: connection exceptions; 57P: the server is shutting down, crashed or not yet
            // accepting connections
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getClass().getName().equals("jakarta.resource.ResourceException")
                    || t.getClass()
                            .getName()
                            .equals("jakarta.resource.spi.ResourceAllocationException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
