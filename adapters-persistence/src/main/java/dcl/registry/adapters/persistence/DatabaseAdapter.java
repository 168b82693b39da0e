package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that works on PostgreSQL. Its connection failures become the domain's StoreUnavailable,
 * and each call runs in a transaction, joining the caller's when there is one: EclipseLink retries
 * a read that fails outside a transaction three times, 5 s apart, so without one the first request
 * to meet an outage would wait 10 s instead of being refused at once. A domain error leaves the
 * decision to roll back to the caller's transaction.
 */
@Stereotype
@ApplicationScoped
@TranslatesDatabaseFailures
@Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = DomainException.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseAdapter {}
