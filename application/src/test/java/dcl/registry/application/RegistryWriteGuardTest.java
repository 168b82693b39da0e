package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.application.MappingAdminServiceTest.FixedRollout;
import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.error.WritesFrozen;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CreateMappingUseCase.CreateMapping;
import dcl.registry.domain.port.in.DeleteMappingUseCase.DeleteMapping;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase.UpdateMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rollout's one write check, over every use case that changes mappings. */
class RegistryWriteGuardTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Actor ALICE = new Actor("alice");
    private static final MappingId ID = new MappingId(UUID.randomUUID());
    private static final ApprovalId APPROVAL = new ApprovalId(UUID.randomUUID());

    private final RegistryWriteGuard guard = new RegistryWriteGuard(new FixedRollout(Set.of(ACME)));
    private final List<String> ran = new ArrayList<>();

    /** Every guarded write of a tenant, each recording that the use case behind it ran. */
    private List<Executable> writes(TenantId tenant) {
        ReviewApprovalsUseCase review = guard.review(new RecordingReview(ran));
        return List.of(
                () ->
                        guard.create(c -> ran("create", null))
                                .create(
                                        new CreateMapping(
                                                tenant,
                                                ALICE,
                                                null,
                                                null,
                                                Optional.empty(),
                                                null,
                                                Optional.empty())),
                () ->
                        guard.update(c -> ran("update", null))
                                .update(
                                        new UpdateMapping(
                                                tenant, ALICE, ID, Optional.of(1L), m -> null)),
                () ->
                        guard.delete(c -> ran("delete", null))
                                .delete(
                                        new DeleteMapping(
                                                tenant,
                                                ALICE,
                                                ID,
                                                Optional.empty(),
                                                Optional.empty())),
                () ->
                        guard.confidence((t, a, m, r) -> ran("confidence", null))
                                .calculate(tenant, ALICE, ID, null),
                () ->
                        guard.driftRepair((t, a, d) -> ran("drift", null))
                                .repair(tenant, ALICE, null),
                () -> review.approve(tenant, ALICE, APPROVAL, Optional.empty()),
                () -> review.reject(tenant, ALICE, APPROVAL, Optional.empty()));
    }

    /** Notes that a use case ran; answers what it would. */
    private <T> T ran(String write, T answer) {
        ran.add(write);
        return answer;
    }

    @Test
    void givenATenantRolledBackToYaml_whenAnyMappingWriteIsAsked_thenWritesFrozenBeforeItRuns() {
        for (Executable write : writes(ACME)) {
            assertThrows(WritesFrozen.class, write);
        }
        assertEquals(List.of(), ran, "no guarded use case ran");
    }

    @Test
    void givenATenantOnTheRegistry_whenMappingWritesAreAsked_thenEachRuns() throws Throwable {
        for (Executable write : writes(GLOBEX)) {
            write.execute();
        }
        assertEquals(
                List.of("create", "update", "delete", "confidence", "drift", "approve", "reject"),
                ran);
    }

    @Test
    void givenATenantRolledBackToYaml_whenTheQueueIsReadOrFed_thenThatPasses() {
        ReviewApprovalsUseCase review = guard.review(new RecordingReview(ran));
        review.submitProposal(ACME, ALICE, UUID.randomUUID(), "drift");
        review.submitMapping(ACME, ALICE, ID, "check");
        review.pending(ACME, null, PageRequest.first(10));
        review.get(ACME, APPROVAL);
        assertEquals(List.of("submitProposal", "submitMapping", "pending", "get"), ran);
    }

    /** Records which of its operations ran. */
    private record RecordingReview(List<String> ran) implements ReviewApprovalsUseCase {
        @Override
        public Submitted submitProposal(
                TenantId tenant, Actor submitter, UUID proposalId, String reason) {
            ran.add("submitProposal");
            return null;
        }

        @Override
        public Submitted submitMapping(
                TenantId tenant, Actor submitter, MappingId mappingId, String reason) {
            ran.add("submitMapping");
            return null;
        }

        @Override
        public Page<Approval> pending(TenantId tenant, PendingFilter filter, PageRequest page) {
            ran.add("pending");
            return null;
        }

        @Override
        public Approval get(TenantId tenant, ApprovalId id) {
            ran.add("get");
            return null;
        }

        @Override
        public Approval approve(
                TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
            ran.add("approve");
            return null;
        }

        @Override
        public Approval reject(
                TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
            ran.add("reject");
            return null;
        }
    }
}
