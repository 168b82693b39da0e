package dcl.registry.domain.port.in;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;
import java.util.UUID;

/** The human approval workflow: submit, list what is pending, approve or reject (four eyes). */
public interface ReviewApprovalsUseCase {
    /** What was submitted, and whether this call queued it (false: it was in the queue already). */
    record Submitted(Approval approval, boolean created) {}

    /** Queues a stored proposal (idempotent: the same proposal answers its existing approval). */
    Submitted submitProposal(TenantId tenant, Actor submitter, UUID proposalId, String reason);

    /** Queues a mapping under review (NEEDS_REVIEW) for confirmation. */
    Submitted submitMapping(TenantId tenant, Actor submitter, MappingId mappingId, String reason);

    Page<Approval> pending(TenantId tenant, PendingFilter filter, PageRequest page);

    Approval get(TenantId tenant, ApprovalId id);

    /**
     * Applies the change: the mapping becomes ACTIVE with confidence 1.0 (or is deprecated, for
     * removals).
     */
    Approval approve(TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes);

    Approval reject(TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes);
}
