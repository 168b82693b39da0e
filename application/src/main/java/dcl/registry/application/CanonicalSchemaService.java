package dcl.registry.application;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.error.CanonicalEntityNotFound;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.CanonicalSchemas;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant gets the default CRM model the first time its schema is needed; admins change it entity
 * by entity. Proposals read the schema on every call, so it is kept in memory per tenant: dropped
 * on this node when changed here, and read again after {@code freshFor} in any case (changes made
 * on another node, or by a restore, are seen within that time).
 */
public class CanonicalSchemaService implements CanonicalSchemaUseCase {
    static final String INSTALLER = "default-crm-model";
    static final int MAX_TENANTS_KEPT = 10_000;

    private final CanonicalSchemas schemas;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;
    private final Duration freshFor;
    private final Map<TenantId, Read> recent = new ConcurrentHashMap<>();

    /** A schema as read, and when. */
    private record Read(CanonicalSchema schema, Instant at) {}

    public CanonicalSchemaService(
            CanonicalSchemas schemas,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            Duration freshFor) {
        this.schemas = schemas;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    @Override
    public CanonicalSchema schema(TenantId tenant) {
        Instant now = clock.instant();
        Read read = recent.get(tenant);
        if (read != null && read.at().plus(freshFor).isAfter(now)) {
            return read.schema();
        }
        CanonicalSchema schema =
                schemas.find(tenant)
                        .orElseGet(() -> transactions.inTransaction(() -> installed(tenant)));
        if (recent.size() > MAX_TENANTS_KEPT) {
            recent.clear(); // many tenants at once: keep memory bounded, the next reads fill it
            // again
        }
        recent.put(tenant, new Read(schema, now));
        return schema;
    }

    @Override
    public boolean define(
            TenantId tenant, Actor actor, CanonicalEntity entity, Optional<String> reason) {
        Optional<String> why = FreeText.optional("reason", reason);
        boolean created =
                transactions.inTransaction(
                        () -> {
                            CanonicalSchema current =
                                    schemas.find(tenant).orElseGet(() -> installed(tenant));
                            current.requireRoomFor(entity);
                            Optional<CanonicalEntity> before = current.entity(entity.name());
                            schemas.save(tenant, entity, actor.subject());
                            audit.recordSetting(
                                    tenant,
                                    actor,
                                    clock.instant(),
                                    "canonical:" + entity.name(),
                                    before.map(Object::toString).orElse("-"),
                                    entity.toString(),
                                    why);
                            return before.isEmpty();
                        });
        recent.remove(tenant);
        return created;
    }

    @Override
    public void remove(TenantId tenant, Actor actor, String entity, Optional<String> reason) {
        Optional<String> why = FreeText.optional("reason", reason);
        transactions.inTransaction(
                () -> {
                    CanonicalSchema current =
                            schemas.find(tenant).orElseGet(() -> installed(tenant));
                    CanonicalEntity before =
                            current.entity(entity)
                                    .orElseThrow(() -> new CanonicalEntityNotFound(entity));
                    schemas.remove(tenant, entity);
                    audit.recordSetting(
                            tenant,
                            actor,
                            clock.instant(),
                            "canonical:" + entity,
                            before.toString(),
                            "-",
                            why);
                    return before;
                });
        recent.remove(tenant);
    }

    private CanonicalSchema installed(TenantId tenant) {
        CanonicalSchema schema = DefaultCrmModel.schema();
        schemas.install(tenant, schema, INSTALLER);
        return schema;
    }
}
