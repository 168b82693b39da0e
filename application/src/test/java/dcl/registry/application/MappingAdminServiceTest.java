package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.error.VersionRequired;
import dcl.registry.domain.error.WritesFrozen;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingReplacement;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.StatedIdentity;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.CreateMappingUseCase.CreateMapping;
import dcl.registry.domain.port.in.DeleteMappingUseCase.DeleteMapping;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase.UpdateMapping;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.InMemoryMappings;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The write rules, with the ports played by small in-memory stand-ins (the real store has its own
 * ITs).
 */
class MappingAdminServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Actor ALICE = new Actor("alice");

    private final InMemoryMappings store = new InMemoryMappings();
    private final List<MappingChange> audit = new ArrayList<>();
    private final Set<TenantId> rolledBack = new HashSet<>();
    private final MappingAdminService service =
            new MappingAdminService(
                    store,
                    store,
                    new RecordingAudit(audit),
                    new ImmediateTransactions(),
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** Creation as wired: behind the rollout's write guard. */
    private final CreateMappingUseCase guardedCreate =
            new RegistryWriteGuard(new FixedRollout(rolledBack)).create(service);

    private static SourceRef ref(String table, String field) {
        return new SourceRef(
                new ConnectorId("salesforce"), new SourceTable(table), new SourceField(field));
    }

    private FieldMapping create(TenantId tenant, String table, String field) {
        return guardedCreate.create(
                new CreateMapping(
                        tenant,
                        ALICE,
                        ref(table, field),
                        new CanonicalField("opportunity", "amount"),
                        Optional.empty(),
                        Confidence.CERTAIN,
                        Optional.of("first")));
    }

    @Test
    void givenANewIdentity_whenCreated_thenItIsActiveAtVersionOneAndAudited() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        assertEquals(MappingStatus.ACTIVE, created.status());
        assertEquals(1, created.version());
        assertEquals(
                List.of(ChangeAction.CREATED), audit.stream().map(MappingChange::action).toList());
        assertEquals(Optional.of("first"), audit.get(0).reason());
    }

    @Test
    void givenAnExistingMapping_whenTheSameIdentityDiffersOnlyInTableCase_thenItIsADuplicate() {
        FieldMapping first = create(ACME, "Opportunity", "Amount");
        DuplicateMapping duplicate =
                assertThrows(DuplicateMapping.class, () -> create(ACME, "OPPORTUNITY", "Amount"));
        assertEquals(Optional.of(first.id()), duplicate.existingId());
        assertTrue(duplicate.getMessage().contains("PUT /dcl/mappings/" + first.id()));
    }

    @Test
    void givenTheSameIdentityInAnotherTenant_whenCreated_thenBothExist() {
        create(ACME, "Opportunity", "Amount");
        assertEquals(GLOBEX, create(GLOBEX, "Opportunity", "Amount").tenant());
    }

    @Test
    void givenAStaleOrMissingVersion_whenUpdated_thenRefused() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        CanonicalField target = new CanonicalField("opportunity", "value");
        MappingReplacement replacement =
                MappingReplacement.of(
                        target, Optional.empty(), Confidence.CERTAIN, Optional.empty());
        assertThrows(
                VersionRequired.class,
                () ->
                        service.update(
                                UpdateMapping.replacing(
                                        ACME, ALICE, created.id(), Optional.empty(), replacement)));
        StaleVersion stale =
                assertThrows(
                        StaleVersion.class,
                        () ->
                                service.update(
                                        UpdateMapping.replacing(
                                                ACME,
                                                ALICE,
                                                created.id(),
                                                Optional.of(7L),
                                                replacement)));
        assertEquals(1, stale.current());
        FieldMapping updated =
                service.update(
                        UpdateMapping.replacing(
                                ACME, ALICE, created.id(), Optional.of(1L), replacement));
        assertEquals(2, updated.version());
        assertEquals(target, updated.target());
    }

    @Test
    void
            givenTheRepresentationAsRead_whenPutBackWithItsIdentity_thenANewAuditedVersionWithTheSameIdentity() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        StatedIdentity asRead =
                new StatedIdentity(
                        Optional.of(created.id()),
                        Optional.of(new ConnectorId("salesforce")),
                        Optional.of(new SourceTable("OPPORTUNITY")),
                        Optional.of(new SourceField("Amount")));
        FieldMapping updated =
                service.update(
                        UpdateMapping.replacing(
                                ACME,
                                ALICE,
                                created.id(),
                                Optional.of(1L),
                                new MappingReplacement(
                                        asRead,
                                        new CanonicalField("opportunity", "value"),
                                        Optional.empty(),
                                        new Confidence(0.7),
                                        Optional.of("round trip"))));
        assertEquals(2, updated.version());
        assertEquals(created.source(), updated.source(), "identity as stored, spelling included");
        assertEquals(
                List.of(ChangeAction.CREATED, ChangeAction.UPDATED),
                audit.stream().map(MappingChange::action).toList());
        assertEquals(Optional.of("round trip"), audit.get(1).reason());
    }

    @Test
    void givenTheSameContent_whenUpdated_thenNothingIsStoredVersionedOrAudited() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        FieldMapping answered =
                service.update(
                        UpdateMapping.replacing(
                                ACME,
                                ALICE,
                                created.id(),
                                Optional.of(1L),
                                MappingReplacement.of(
                                        created.target(),
                                        created.transform(),
                                        created.confidence(),
                                        Optional.of("no change"))));
        assertEquals(1, answered.version());
        assertEquals(created, store.byId(ACME, created.id()).orElseThrow());
        assertEquals(
                List.of(ChangeAction.CREATED), audit.stream().map(MappingChange::action).toList());
    }

    @Test
    void givenAnotherIdentity_whenPut_thenRefusedNamingTheFieldsAndNothingIsStoredOrAudited() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        StatedIdentity moved =
                new StatedIdentity(
                        Optional.empty(),
                        Optional.of(new ConnectorId("hubspot")),
                        Optional.of(new SourceTable("Opportunity")),
                        Optional.of(new SourceField("amount")));
        InvalidInput refused =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                service.update(
                                        UpdateMapping.replacing(
                                                ACME,
                                                ALICE,
                                                created.id(),
                                                Optional.of(1L),
                                                new MappingReplacement(
                                                        moved,
                                                        new CanonicalField("opportunity", "value"),
                                                        Optional.empty(),
                                                        Confidence.CERTAIN,
                                                        Optional.empty()))));
        assertEquals(
                List.of("connector", "sourceField"),
                refused.violations().stream().map(InvalidInput.Violation::field).toList());
        assertEquals(1, store.byId(ACME, created.id()).orElseThrow().version());
        assertEquals(
                List.of(ChangeAction.CREATED), audit.stream().map(MappingChange::action).toList());
    }

    @Test
    void givenAnEdit_whenUpdated_thenItIsAppliedToTheCurrentVersionAndKeepsWhatItDoesNotChange() {
        FieldMapping created =
                service.create(
                        new CreateMapping(
                                ACME,
                                ALICE,
                                ref("Opportunity", "Amount"),
                                new CanonicalField("opportunity", "amount"),
                                Optional.of(Transform.of("number", null, null)),
                                Confidence.CERTAIN,
                                Optional.empty()));
        List<FieldMapping> seen = new ArrayList<>();
        FieldMapping updated =
                service.update(
                        new UpdateMapping(
                                ACME,
                                ALICE,
                                created.id(),
                                Optional.of(1L),
                                current -> {
                                    seen.add(current);
                                    return MappingReplacement.of(
                                            current.target(),
                                            current.transform(),
                                            new Confidence(0.8),
                                            Optional.of("spot check"));
                                }));
        assertEquals(List.of(created), seen, "the edit sees the stored version it is based on");
        assertEquals(0.8, updated.confidence().value());
        assertEquals(created.transform(), updated.transform());
        assertEquals(Optional.of("spot check"), audit.get(1).reason());
    }

    @Test
    void givenAStaleVersion_whenEdited_thenTheEditIsNeverApplied() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        assertThrows(
                StaleVersion.class,
                () ->
                        service.update(
                                new UpdateMapping(
                                        ACME,
                                        ALICE,
                                        created.id(),
                                        Optional.of(2L),
                                        current -> {
                                            throw new AssertionError(
                                                    "an edit of a stale version must not run");
                                        })));
    }

    @Test
    void givenAnotherTenantsMapping_whenUpdatedOrDeleted_thenItIsNotFound() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        assertThrows(
                MappingNotFound.class,
                () ->
                        service.delete(
                                new DeleteMapping(
                                        GLOBEX,
                                        ALICE,
                                        created.id(),
                                        Optional.empty(),
                                        Optional.empty())));
    }

    @Test
    void givenADeletedMapping_whenCreatedAgain_thenTheSameIdComesBackWithItsHistory() {
        FieldMapping created = create(ACME, "Opportunity", "Amount");
        FieldMapping deleted =
                service.delete(
                        new DeleteMapping(
                                ACME, ALICE, created.id(), Optional.of(1L), Optional.of("gone")));
        assertEquals(MappingStatus.DEPRECATED, deleted.status());
        FieldMapping revived = create(ACME, "opportunity", "Amount");
        assertEquals(created.id(), revived.id());
        assertEquals(3, revived.version());
        assertEquals(MappingStatus.ACTIVE, revived.status());
        assertEquals(
                List.of(ChangeAction.CREATED, ChangeAction.DELETED, ChangeAction.REVIVED),
                audit.stream().map(MappingChange::action).toList());
    }

    @Test
    void givenATenantRolledBackToYaml_whenAnAdminWrites_thenTheWriteIsRefusedAndNothingIsStored() {
        rolledBack.add(ACME);
        WritesFrozen frozen =
                assertThrows(WritesFrozen.class, () -> create(ACME, "Opportunity", "Amount"));
        assertTrue(frozen.getMessage().contains("sourceOfTruth"));
        assertEquals(List.of(), audit);
        assertEquals(
                GLOBEX,
                create(GLOBEX, "Opportunity", "Amount").tenant(),
                "other tenants still write");
    }

    /**
     * Keeps mapping changes; settings changes (an approval's own audit lines) are not part of these
     * rules and are dropped.
     */
    static final class RecordingAudit implements AuditTrail {
        private final List<MappingChange> changes;

        RecordingAudit(List<MappingChange> changes) {
            this.changes = changes;
        }

        @Override
        public void record(MappingChange change) {
            changes.add(change);
        }

        @Override
        public void recordSetting(
                TenantId tenant,
                Actor actor,
                Instant at,
                String setting,
                String before,
                String after,
                Optional<String> reason) {}
    }

    /** Tenants in the set are rolled back to YAML. */
    static final class FixedRollout implements RolloutUseCase {
        private final Set<TenantId> rolledBack;

        FixedRollout(Set<TenantId> rolledBack) {
            this.rolledBack = rolledBack;
        }

        @Override
        public RolloutSettings current(TenantId tenant) {
            return rolledBack.contains(tenant)
                    ? new RolloutSettings(
                            tenant,
                            SourceOfTruth.YAML,
                            Optional.of("legacy"),
                            false,
                            Optional.empty(),
                            Optional.empty())
                    : RolloutSettings.initial(tenant);
        }

        @Override
        public java.util.Optional<java.time.Duration> staleness(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public RolloutSettings change(
                TenantId tenant,
                Actor actor,
                SourceOfTruth sourceOfTruth,
                Optional<String> legacyPath,
                boolean dualRead,
                Optional<String> reason) {
            throw new UnsupportedOperationException("not used by the write path");
        }
    }

    /** Runs the work directly: no transaction to manage in memory. */
    static final class ImmediateTransactions implements TransactionBoundary {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    }
}
