package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.application.MappingAdminServiceTest.ImmediateTransactions;
import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.NotPermitted;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.InMemoryMappings;
import dcl.registry.domain.port.out.StoreApprovals;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approval workflow's effects, with the ports played by in-memory stand-ins. */
class ApprovalServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor AAM = new Actor("aam");
    private static final Actor RITA = new Actor("rita");
    private static final CanonicalField CLOSE_DATE =
            new CanonicalField("opportunity", "close_date");

    private final InMemoryMappings mappings = new InMemoryMappings();
    private final InMemoryApprovals approvals = new InMemoryApprovals();
    private final List<MappingChange> audit = new ArrayList<>();
    private final ApprovalService service =
            new ApprovalService(
                    approvals,
                    null,
                    mappings,
                    mappings,
                    new MappingAdminServiceTest.RecordingAudit(audit),
                    (event, approval) -> {},
                    new ImmediateTransactions(),
                    Clock.fixed(T0, ZoneOffset.UTC));

    private static SourceRef field(String name) {
        return new SourceRef(
                new ConnectorId("hubspot"), new SourceTable("deals"), new SourceField(name));
    }

    /** A mapping of amount whose field drift put under review. */
    private FieldMapping amountUnderReview() {
        return mappings.insert(
                FieldMapping.create(
                        ACME,
                        field("amount"),
                        new CanonicalField("opportunity", "amount"),
                        Optional.empty(),
                        Confidence.CERTAIN,
                        MappingStatus.NEEDS_REVIEW,
                        Provenance.ADMIN,
                        AAM,
                        T0));
    }

    private Approval queued(ProposedChange change) {
        return service.queue(ACME, change, 0.9, Optional.empty(), AAM, "drift").approval();
    }

    @Test
    void givenAProposedNewMapping_whenApproved_thenTheApprovalRecordsTheCreatedMapping() {
        Approval pending =
                queued(
                        new ProposedChange.MapField(
                                field("closedate"), CLOSE_DATE, Optional.empty()));
        assertEquals(Optional.empty(), pending.mappingId());

        Approval approved = service.approve(ACME, RITA, pending.id(), Optional.of("ok"));

        FieldMapping created = mappings.byIdentity(ACME, field("closedate")).orElseThrow();
        assertEquals(Optional.of(created.id()), approved.mappingId());
        assertEquals(
                Optional.of(created.id()),
                service.get(ACME, pending.id()).mappingId(),
                "stored, not only answered");
        assertEquals(
                2,
                service.get(ACME, pending.id()).version(),
                "recording the mapping is part of the decision");
    }

    @Test
    void givenARetargetOfAnExistingMapping_whenApproved_thenTheApprovalRecordsThatMapping() {
        FieldMapping existing =
                mappings.insert(
                        FieldMapping.create(
                                ACME,
                                field("closedate"),
                                new CanonicalField("opportunity", "created"),
                                Optional.empty(),
                                new Confidence(0.5),
                                MappingStatus.ACTIVE,
                                Provenance.ADMIN,
                                AAM,
                                T0));
        Approval pending =
                queued(
                        new ProposedChange.MapField(
                                field("closedate"), CLOSE_DATE, Optional.empty()));
        assertEquals(
                Optional.of(existing.id()),
                service.approve(ACME, RITA, pending.id(), Optional.empty()).mappingId());
        assertEquals(CLOSE_DATE, mappings.byId(ACME, existing.id()).orElseThrow().target());
    }

    @Test
    void givenARename_whenApproved_thenTheApprovalRecordsTheNewFieldsMapping() {
        FieldMapping old = amountUnderReview();
        Approval pending =
                queued(
                        new ProposedChange.RenameField(
                                old.id(),
                                old.source(),
                                field("deal_amount"),
                                old.target(),
                                Optional.empty()));
        Approval approved = service.approve(ACME, RITA, pending.id(), Optional.empty());
        FieldMapping renamed = mappings.byIdentity(ACME, field("deal_amount")).orElseThrow();
        assertEquals(Optional.of(renamed.id()), approved.mappingId());
        assertEquals(
                MappingStatus.DEPRECATED, mappings.byId(ACME, old.id()).orElseThrow().status());
    }

    @Test
    void givenTwoRenamesOfOneField_whenBothAreApproved_thenTheSecondIsRefusedAndOneFieldServes() {
        FieldMapping old = amountUnderReview();
        Approval first =
                queued(
                        new ProposedChange.RenameField(
                                old.id(),
                                old.source(),
                                field("a2"),
                                old.target(),
                                Optional.empty()));
        Approval second =
                queued(
                        new ProposedChange.RenameField(
                                old.id(),
                                old.source(),
                                field("a3"),
                                old.target(),
                                Optional.empty()));
        service.approve(ACME, RITA, first.id(), Optional.empty());

        assertThrows(
                IllegalTransition.class,
                () -> service.approve(ACME, RITA, second.id(), Optional.empty()));
        assertEquals(Optional.empty(), mappings.byIdentity(ACME, field("a3")), "not served");
        assertEquals(
                MappingStatus.ACTIVE,
                mappings.byIdentity(ACME, field("a2")).orElseThrow().status());
    }

    @Test
    void givenAProposedNewMapping_whenRejected_thenNoMappingIsRecorded() {
        Approval pending =
                queued(
                        new ProposedChange.MapField(
                                field("closedate"), CLOSE_DATE, Optional.empty()));
        assertEquals(
                Optional.empty(),
                service.reject(ACME, RITA, pending.id(), Optional.empty()).mappingId());
        assertEquals(Optional.empty(), mappings.byIdentity(ACME, field("closedate")));
    }

    @Test
    void givenTheSubmitterInAnotherCase_whenItApproves_thenFourEyesRefuseAndNothingGoesLive() {
        Approval pending =
                queued(
                        new ProposedChange.MapField(
                                field("closedate"), CLOSE_DATE, Optional.empty()));
        assertThrows(
                NotPermitted.class,
                () -> service.approve(ACME, new Actor("AAM"), pending.id(), Optional.empty()));
        assertEquals(Optional.empty(), mappings.byIdentity(ACME, field("closedate")));
    }

    /** The approval queue in a map, with the store's compare-and-set on the version. */
    static final class InMemoryApprovals implements StoreApprovals {
        private final Map<ApprovalId, Approval> rows = new LinkedHashMap<>();

        @Override
        public void insert(Approval approval) {
            rows.put(approval.id(), approval);
        }

        @Override
        public Optional<Approval> byId(TenantId tenant, ApprovalId id) {
            return Optional.ofNullable(rows.get(id)).filter(a -> a.tenant().equals(tenant));
        }

        @Override
        public Optional<Approval> ofProposal(TenantId tenant, UUID proposalId) {
            return rows.values().stream()
                    .filter(
                            a ->
                                    a.tenant().equals(tenant)
                                            && a.proposalId().equals(Optional.of(proposalId)))
                    .reduce((first, second) -> second);
        }

        @Override
        public List<Approval> pendingFor(TenantId tenant, SourceRef source) {
            return rows.values().stream()
                    .filter(
                            a ->
                                    a.tenant().equals(tenant)
                                            && a.pending()
                                            && a.change().source().sameIdentity(source))
                    .toList();
        }

        @Override
        public boolean update(Approval next) {
            Approval stored = rows.get(next.id());
            if (stored == null || stored.version() != next.version() - 1) {
                return false;
            }
            rows.put(next.id(), next);
            return true;
        }

        @Override
        public void recordMapping(Approval approved) {
            Approval stored = rows.get(approved.id());
            if (stored == null || stored.version() != approved.version()) {
                throw new IllegalStateException("not stored at version " + approved.version());
            }
            rows.put(approved.id(), approved);
        }

        @Override
        public Page<Approval> pending(
                TenantId tenant, PendingFilter filter, Instant now, PageRequest page) {
            throw new UnsupportedOperationException("not used by these rules");
        }
    }
}
