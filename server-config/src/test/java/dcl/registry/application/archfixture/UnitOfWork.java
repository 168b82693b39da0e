package dcl.registry.application.archfixture;

import java.util.function.Supplier;

/**
 * A deliberate violation, for testing the ports rule: a port declared in the application (as
 * TransactionBoundary was) instead of the domain.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);
}
