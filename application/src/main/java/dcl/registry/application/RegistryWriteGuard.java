package dcl.registry.application;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CalculateConfidenceUseCase;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase;
import dcl.registry.domain.port.in.RepairDriftUseCase;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one rollout check on the write side: while a tenant is rolled back to the legacy YAML, every
 * use case that changes its mappings is refused ({@link dcl.registry.domain.error.WritesFrozen})
 * before it does anything, since such a change would never reach the runtime. Laid over those use
 * cases as a decorator where they are wired.
 */
public final class RegistryWriteGuard {
    private final RolloutUseCase rollout;

    public RegistryWriteGuard(RolloutUseCase rollout) {
        this.rollout = rollout;
    }

    public CreateMappingUseCase create(CreateMappingUseCase writes) {
        return command -> admitted(command.tenant(), () -> writes.create(command));
    }

    public UpdateMappingUseCase update(UpdateMappingUseCase writes) {
        return command -> admitted(command.tenant(), () -> writes.update(command));
    }

    public DeleteMappingUseCase delete(DeleteMappingUseCase writes) {
        return command -> admitted(command.tenant(), () -> writes.delete(command));
    }

    public CalculateConfidenceUseCase confidence(CalculateConfidenceUseCase writes) {
        return (tenant, actor, mapping, results) ->
                admitted(tenant, () -> writes.calculate(tenant, actor, mapping, results));
    }

    public RepairDriftUseCase driftRepair(RepairDriftUseCase writes) {
        return (tenant, reporter, drift) ->
                admitted(tenant, () -> writes.repair(tenant, reporter, drift));
    }

    /**
     * Decisions change mappings and are guarded; submitting and reading the queue change none and
     * pass.
     */
    public ReviewApprovalsUseCase review(ReviewApprovalsUseCase reviews) {
        return new ReviewApprovalsUseCase() {
            @Override
            public Submitted submitProposal(
                    TenantId tenant, Actor submitter, UUID proposalId, String reason) {
                return reviews.submitProposal(tenant, submitter, proposalId, reason);
            }

            @Override
            public Submitted submitMapping(
                    TenantId tenant, Actor submitter, MappingId mappingId, String reason) {
                return reviews.submitMapping(tenant, submitter, mappingId, reason);
            }

            @Override
            public Page<Approval> pending(TenantId tenant, PendingFilter filter, PageRequest page) {
                return reviews.pending(tenant, filter, page);
            }

            @Override
            public Approval get(TenantId tenant, ApprovalId id) {
                return reviews.get(tenant, id);
            }

            @Override
            public Approval approve(
                    TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
                return admitted(tenant, () -> reviews.approve(tenant, reviewer, id, notes));
            }

            @Override
            public Approval reject(
                    TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
                return admitted(tenant, () -> reviews.reject(tenant, reviewer, id, notes));
            }
        };
    }

    private <T> T admitted(TenantId tenant, Supplier<T> write) {
        rollout.current(tenant).requireRegistryWrites();
        return write.get();
    }
}
