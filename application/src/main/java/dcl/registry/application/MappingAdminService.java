package dcl.registry.application;

import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.error.VersionRequired;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingReplacement;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The admin write path: every change is versioned and audited in the same transaction. Wired behind
 * the rollout's {@link RegistryWriteGuard}.
 */
public class MappingAdminService
        implements CreateMappingUseCase, UpdateMappingUseCase, DeleteMappingUseCase {
    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public MappingAdminService(
            LoadMappings load,
            StoreMappings store,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public FieldMapping create(CreateMapping command) {
        return transactions.inTransaction(
                () -> {
                    Instant now = clock.instant();
                    FieldMapping decision =
                            FieldMapping.create(
                                    command.tenant(),
                                    command.source(),
                                    command.target(),
                                    command.transform(),
                                    command.confidence(),
                                    MappingStatus.ACTIVE,
                                    Provenance.ADMIN,
                                    command.actor(),
                                    now);
                    Optional<FieldMapping> existing =
                            load.byIdentity(command.tenant(), command.source());
                    if (existing.isPresent() && !existing.get().isDeprecated()) {
                        throw new DuplicateMapping(existing.get());
                    }
                    if (existing.isPresent()) {
                        FieldMapping revived = store.update(existing.get().revive(decision));
                        audit.record(
                                MappingChange.of(
                                        ChangeAction.REVIVED, existing, revived, command.reason()));
                        return revived;
                    }
                    FieldMapping created = store.insert(decision);
                    audit.record(
                            MappingChange.of(
                                    ChangeAction.CREATED,
                                    Optional.empty(),
                                    created,
                                    command.reason()));
                    return created;
                });
    }

    /**
     * A new version with the replacement the command's edit derives from the current version (which
     * must be the expected one); the identity it restates must be the stored one. A replacement
     * that changes nothing stores nothing.
     */
    @Override
    public FieldMapping update(UpdateMapping command) {
        long expected = command.expectedVersion().orElseThrow(VersionRequired::new);
        return transactions.inTransaction(
                () -> {
                    FieldMapping current = current(command.tenant(), command.id(), expected);
                    MappingReplacement replacement = command.edit().applyTo(current);
                    if (replacement.keeps(current)) {
                        return current; // the same version and ETag: nothing changed
                    }
                    FieldMapping next =
                            current.replacedBy(replacement, command.actor(), clock.instant());
                    FieldMapping stored = store.update(next);
                    audit.record(
                            MappingChange.of(
                                    ChangeAction.UPDATED,
                                    Optional.of(current),
                                    stored,
                                    replacement.reason()));
                    return stored;
                });
    }

    @Override
    public FieldMapping delete(DeleteMapping command) {
        return transactions.inTransaction(
                () -> {
                    FieldMapping current =
                            load.byId(command.tenant(), command.id())
                                    .orElseThrow(() -> new MappingNotFound("id " + command.id()));
                    if (command.expectedVersion().isPresent()
                            && command.expectedVersion().get() != current.version()) {
                        throw new StaleVersion(command.expectedVersion().get(), current.version());
                    }
                    if (current.isDeprecated()) {
                        return current;
                    }
                    FieldMapping stored =
                            store.update(
                                    current.withStatus(
                                            MappingStatus.DEPRECATED,
                                            command.actor(),
                                            clock.instant()));
                    audit.record(
                            MappingChange.of(
                                    ChangeAction.DELETED,
                                    Optional.of(current),
                                    stored,
                                    command.reason()));
                    return stored;
                });
    }

    private FieldMapping current(TenantId tenant, MappingId id, long expectedVersion) {
        FieldMapping current =
                load.byId(tenant, id).orElseThrow(() -> new MappingNotFound("id " + id));
        if (current.version() != expectedVersion) {
            throw new StaleVersion(expectedVersion, current.version());
        }
        return current;
    }
}
