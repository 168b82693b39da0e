package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a transaction; a domain error marks it rollback-only and comes back as the outcome.
 */
@ApplicationScoped
public class TransactionalWork {
    @Resource TransactionSynchronizationRegistry transaction;

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> Outcome<T> run(Supplier<T> unit) {
        try {
            return new Outcome<>(unit.get(), null);
        } catch (DomainException refused) {
            transaction.setRollbackOnly();
            return new Outcome<>(null, refused);
        }
    }

    /** A value, or the domain error that refused the work (after the rollback). */
    public record Outcome<T>(T value, DomainException refused) {
        T get() {
            if (refused != null) {
                throw refused;
            }
            return value;
        }
    }
}
