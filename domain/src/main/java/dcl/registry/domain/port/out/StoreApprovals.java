package dcl.registry.domain.port.out;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The approval queue. Updates are compare-and-set on the version, so two deciders cannot both win.
 */
public interface StoreApprovals {
    void insert(Approval approval);

    Optional<Approval> byId(TenantId tenant, ApprovalId id);

    /** The latest approval of a stored proposal, if it was submitted. */
    Optional<Approval> ofProposal(TenantId tenant, UUID proposalId);

    /** The pending approvals about one source field. */
    List<Approval> pendingFor(TenantId tenant, SourceRef source);

    /**
     * Stores {@code next} if the stored version is still {@code next.version() - 1}; false when
     * someone was faster.
     */
    boolean update(Approval next);

    /**
     * Records {@code approved.mappingId()}, the mapping its approval created or changed, on the
     * stored approval of the same version (in the decision's transaction, after its compare-and-set
     * {@link #update}).
     */
    void recordMapping(Approval approved);

    /**
     * Pending approvals, oldest first; {@code now} is what the filter's minimum age counts back
     * from.
     */
    Page<Approval> pending(TenantId tenant, PendingFilter filter, Instant now, PageRequest page);
}
