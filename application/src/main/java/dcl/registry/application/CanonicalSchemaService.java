package dcl.registry.application;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.error.CanonicalEntityNotFound;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.CanonicalSchemas;
import java.time.Clock;
import java.util.Optional;

/** A tenant gets the default CRM model the first time its schema is needed; admins change it entity by entity. */
public class CanonicalSchemaService implements CanonicalSchemaUseCase {
  static final String INSTALLER = "default-crm-model";

  private final CanonicalSchemas schemas;
  private final AuditTrail audit;
  private final TransactionBoundary transactions;
  private final Clock clock;

  public CanonicalSchemaService(CanonicalSchemas schemas, AuditTrail audit, TransactionBoundary transactions, Clock clock) {
    this.schemas = schemas;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public CanonicalSchema schema(TenantId tenant) {
    return schemas.find(tenant).orElseGet(() -> transactions.inTransaction(() -> installed(tenant)));
  }

  @Override
  public boolean define(TenantId tenant, Actor actor, CanonicalEntity entity, Optional<String> reason) {
    return transactions.inTransaction(() -> {
      CanonicalSchema current = schemas.find(tenant).orElseGet(() -> installed(tenant));
      Optional<CanonicalEntity> before = current.entity(entity.name());
      schemas.save(tenant, entity, actor.subject());
      audit.recordSetting(tenant, actor, clock.instant(), "canonical:" + entity.name(),
          before.map(Object::toString).orElse("-"), entity.toString(), reason);
      return before.isEmpty();
    });
  }

  @Override
  public void remove(TenantId tenant, Actor actor, String entity, Optional<String> reason) {
    transactions.inTransaction(() -> {
      CanonicalSchema current = schemas.find(tenant).orElseGet(() -> installed(tenant));
      CanonicalEntity before = current.entity(entity).orElseThrow(() -> new CanonicalEntityNotFound(entity));
      schemas.remove(tenant, entity);
      audit.recordSetting(tenant, actor, clock.instant(), "canonical:" + entity, before.toString(), "-", reason);
      return before;
    });
  }

  private CanonicalSchema installed(TenantId tenant) {
    CanonicalSchema schema = DefaultCrmModel.schema();
    schemas.install(tenant, schema, INSTALLER);
    return schema;
  }
}
