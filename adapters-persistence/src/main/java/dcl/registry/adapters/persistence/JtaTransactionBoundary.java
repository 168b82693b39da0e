package dcl.registry.adapters.persistence;

import dcl.registry.application.TransactionBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** A JTA transaction around a unit of work; a runtime exception rolls everything back. */
@ApplicationScoped
@TranslatesDatabaseFailures
public class JtaTransactionBoundary implements TransactionBoundary {
  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
