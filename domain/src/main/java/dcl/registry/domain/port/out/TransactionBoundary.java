package dcl.registry.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: everything it writes commits together or not at all (a runtime
 * exception rolls back). Implemented by the persistence adapter.
 */
public interface TransactionBoundary {
    <T> T inTransaction(Supplier<T> work);
}
