package dcl.registry.adapters.persistence;

import dcl.registry.domain.port.out.TransactionBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * A JTA transaction around a unit of work. A runtime exception rolls everything back; a domain
 * error (a 4xx) is carried out of the transaction as a value rather than thrown through the
 * transaction manager, which would otherwise file an incident report for every rejected request.
 */
@ApplicationScoped
@TranslatesDatabaseFailures
class JtaTransactionBoundary implements TransactionBoundary {
    @Inject TransactionalWork work;

    @Override
    public <T> T inTransaction(Supplier<T> unit) {
        return work.run(unit).get();
    }
}
