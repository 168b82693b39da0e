package dcl.registry.application;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalId;
import dcl.registry.domain.approval.ApprovalStatus;
import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.approval.StoredProposal;
import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.error.ResourceNotFound;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.Lifecycle;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.ReviewerNotifications;
import dcl.registry.domain.port.out.StoreApprovals;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The approval queue. A decision and its effect on the mappings commit together (audited, so
 * caches, the change feed and the semantic index follow); the decision is a compare-and-set on the
 * approval's version, so of two reviewers deciding at once one wins and the other is told (409).
 * Decisions are wired behind the rollout's {@link RegistryWriteGuard}.
 */
public class ApprovalService implements ReviewApprovalsUseCase {
    private final StoreApprovals approvals;
    private final StoreProposals proposals;
    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final ReviewerNotifications notifications;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public ApprovalService(
            StoreApprovals approvals,
            StoreProposals proposals,
            LoadMappings load,
            StoreMappings store,
            AuditTrail audit,
            ReviewerNotifications notifications,
            TransactionBoundary transactions,
            Clock clock) {
        this.approvals = approvals;
        this.proposals = proposals;
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Submitted submitProposal(
            TenantId tenant, Actor submitter, UUID proposalId, String reason) {
        return transactions.inTransaction(
                () -> {
                    StoredProposal proposal =
                            proposals
                                    .byId(tenant, proposalId)
                                    .orElseThrow(
                                            () -> new ResourceNotFound("proposal " + proposalId));
                    if (proposal.abstained()) {
                        // no confident target: submitting the nearest candidate would be the guess
                        // the strategy refused to make
                        throw new InvalidInput(
                                "proposalId",
                                "proposal "
                                        + proposalId
                                        + " has no confident target (the strategy abstained);"
                                        + " submit the mapping you chose by its mappingId");
                    }
                    Optional<Approval> existing = approvals.ofProposal(tenant, proposalId);
                    if (existing.isPresent()
                            && existing.get().status() != ApprovalStatus.REJECTED) {
                        return new Submitted(existing.get(), false);
                    }
                    ProposedChange change =
                            new ProposedChange.MapField(
                                    proposal.source(), proposal.target(), Optional.empty());
                    if (existing.isPresent()) {
                        Approval again =
                                existing.get()
                                        .resubmit(
                                                change,
                                                proposal.confidence(),
                                                submitter,
                                                clock.instant(),
                                                reason);
                        if (!approvals.update(again)) {
                            throw new IllegalTransition(
                                    "approval "
                                            + again.id()
                                            + " changed at the same moment; read it again");
                        }
                        recordAndNotify(again, submitter, "rejected", "approval.submitted", reason);
                        return new Submitted(again, false);
                    }
                    return queue(
                            tenant,
                            change,
                            proposal.confidence(),
                            Optional.of(proposalId),
                            submitter,
                            reason);
                });
    }

    @Override
    public Submitted submitMapping(
            TenantId tenant, Actor submitter, MappingId mappingId, String reason) {
        return transactions.inTransaction(
                () -> {
                    FieldMapping mapping =
                            load.byId(tenant, mappingId)
                                    .orElseThrow(() -> new MappingNotFound("id " + mappingId));
                    if (mapping.status() != MappingStatus.NEEDS_REVIEW) {
                        throw new IllegalTransition(
                                "mapping "
                                        + mappingId
                                        + " is "
                                        + mapping.status()
                                        + "; only a mapping under review (NEEDS_REVIEW) is"
                                        + " submitted for confirmation. To change it, ask POST"
                                        + " /dcl/intelligence/propose-mapping and submit that"
                                        + " proposal.");
                    }
                    ProposedChange change =
                            new ProposedChange.ConfirmMapping(
                                    mapping.id(), mapping.source(), mapping.target());
                    return queue(
                            tenant,
                            change,
                            mapping.confidence().value(),
                            Optional.empty(),
                            submitter,
                            reason);
                });
    }

    /**
     * Puts a change in the queue, audited, reviewers notified; part of the caller's transaction.
     * The same change already pending (a drift reported twice, a confirmation asked twice) answers
     * that approval instead.
     */
    Submitted queue(
            TenantId tenant,
            ProposedChange change,
            double confidence,
            Optional<UUID> proposalId,
            Actor submitter,
            String reason) {
        Optional<Approval> same =
                approvals.pendingFor(tenant, change.source()).stream()
                        .filter(a -> a.change().equals(change))
                        .findFirst();
        if (same.isPresent()) {
            return new Submitted(same.get(), false);
        }
        Approval approval =
                Approval.submit(
                        tenant, change, confidence, proposalId, submitter, clock.instant(), reason);
        approvals.insert(approval);
        recordAndNotify(approval, submitter, "-", "approval.submitted", reason);
        return new Submitted(approval, true);
    }

    @Override
    public Page<Approval> pending(TenantId tenant, PendingFilter filter, PageRequest page) {
        return approvals.pending(tenant, filter, clock.instant(), page);
    }

    @Override
    public Approval get(TenantId tenant, ApprovalId id) {
        return approvals.byId(tenant, id).orElseThrow(() -> new ResourceNotFound("approval " + id));
    }

    @Override
    public Approval approve(
            TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
        return decide(tenant, reviewer, id, notes, ApprovalStatus.APPROVED);
    }

    @Override
    public Approval reject(TenantId tenant, Actor reviewer, ApprovalId id, Optional<String> notes) {
        return decide(tenant, reviewer, id, notes, ApprovalStatus.REJECTED);
    }

    private Approval decide(
            TenantId tenant,
            Actor reviewer,
            ApprovalId id,
            Optional<String> notes,
            ApprovalStatus decision) {
        return transactions.inTransaction(
                () -> {
                    Approval current = get(tenant, id);
                    Instant now = clock.instant();
                    Approval decided = current.decide(decision, reviewer, now, notes);
                    if (decided.equals(current)) {
                        return current; // the same reviewer's retry of the same decision
                    }
                    if (!approvals.update(decided)) {
                        throw new IllegalTransition(
                                "approval "
                                        + id
                                        + " was decided by someone else at the same moment; read it"
                                        + " again");
                    }
                    String why =
                            "approval "
                                    + id
                                    + " "
                                    + decision.wireName()
                                    + " by "
                                    + reviewer.subject()
                                    + notes.map(n -> ": " + n).orElse("");
                    if (decision == ApprovalStatus.APPROVED) {
                        decided = decided.applied(applyApproved(decided, reviewer, now, why));
                        approvals.recordMapping(decided);
                    } else {
                        applyRejected(decided, reviewer, now, why);
                    }
                    recordAndNotify(
                            decided,
                            reviewer,
                            "proposed",
                            "approval." + decision.wireName(),
                            notes.orElse(decided.reason()));
                    return decided;
                });
    }

    /**
     * Applies an approved change; answers the mapping it created or changed (for a rename: the new
     * field's).
     */
    private MappingId applyApproved(Approval approval, Actor reviewer, Instant now, String why) {
        TenantId tenant = approval.tenant();
        ProposedChange change = approval.change();
        if (change instanceof ProposedChange.MapField m) {
            return activate(
                            tenant,
                            m.source(),
                            m.target(),
                            m.transform(),
                            Provenance.PROPOSAL,
                            reviewer,
                            now,
                            why)
                    .id();
        }
        if (change instanceof ProposedChange.RenameField r) {
            FieldMapping previous =
                    load.byId(tenant, r.previous())
                            .orElseThrow(() -> new MappingNotFound("id " + r.previous()));
            if (previous.status() == MappingStatus.DEPRECATED) {
                // another decision retired it (a rename to another name, a removal): renaming it
                // now would serve two fields for one
                throw new IllegalTransition(
                        "mapping "
                                + r.previous()
                                + " of "
                                + previous.source()
                                + " was retired after this rename was proposed; there is nothing"
                                + " left to rename. Reject this approval, or map the new field"
                                + " anew.");
            }
            FieldMapping renamed =
                    activate(
                            tenant,
                            r.source(),
                            r.target(),
                            r.transform(),
                            Provenance.DRIFT_REPAIR,
                            reviewer,
                            now,
                            why);
            move(
                    tenant,
                    r.previous(),
                    MappingStatus.DEPRECATED,
                    ChangeAction.DELETED,
                    reviewer,
                    now,
                    why);
            return renamed.id();
        }
        if (change instanceof ProposedChange.DeprecateField d) {
            move(
                    tenant,
                    d.mapping(),
                    MappingStatus.DEPRECATED,
                    ChangeAction.DELETED,
                    reviewer,
                    now,
                    why);
            return d.mapping();
        }
        ProposedChange.ConfirmMapping c = (ProposedChange.ConfirmMapping) change;
        move(tenant, c.mapping(), MappingStatus.ACTIVE, ChangeAction.UPDATED, reviewer, now, why);
        return c.mapping();
    }

    /**
     * A rejected removal means the field is still there (back to ACTIVE); a rejected confirmation
     * retires the mapping. A rejected new mapping changes nothing (nothing was live); after a
     * rejected rename the old mapping stays under review for another decision.
     */
    private void applyRejected(Approval approval, Actor reviewer, Instant now, String why) {
        ProposedChange change = approval.change();
        if (change instanceof ProposedChange.DeprecateField d) {
            move(
                    approval.tenant(),
                    d.mapping(),
                    MappingStatus.ACTIVE,
                    ChangeAction.UPDATED,
                    reviewer,
                    now,
                    why);
        } else if (change instanceof ProposedChange.ConfirmMapping c) {
            move(
                    approval.tenant(),
                    c.mapping(),
                    MappingStatus.DEPRECATED,
                    ChangeAction.DELETED,
                    reviewer,
                    now,
                    why);
        }
    }

    /**
     * The field's mapping becomes ACTIVE with confidence 1.0: created, revived, confirmed or
     * retargeted.
     */
    private FieldMapping activate(
            TenantId tenant,
            SourceRef source,
            CanonicalField target,
            Optional<Transform> transform,
            Provenance provenance,
            Actor reviewer,
            Instant now,
            String why) {
        Optional<FieldMapping> existing = load.byIdentity(tenant, source);
        if (existing.isEmpty()) {
            FieldMapping created =
                    store.insert(
                            FieldMapping.create(
                                    tenant,
                                    source,
                                    target,
                                    transform,
                                    Confidence.CERTAIN,
                                    MappingStatus.ACTIVE,
                                    provenance,
                                    reviewer,
                                    now));
            audit.record(
                    MappingChange.of(
                            ChangeAction.CREATED, Optional.empty(), created, Optional.of(why)));
            return created;
        }
        FieldMapping current = existing.get();
        FieldMapping next;
        ChangeAction action = ChangeAction.UPDATED;
        if (current.isDeprecated()) {
            next =
                    current.revive(
                            FieldMapping.create(
                                    tenant,
                                    source,
                                    target,
                                    transform,
                                    Confidence.CERTAIN,
                                    MappingStatus.ACTIVE,
                                    provenance,
                                    reviewer,
                                    now));
            action = ChangeAction.REVIVED;
        } else if (current.status() == MappingStatus.ACTIVE) {
            next = current.retarget(target, transform, Confidence.CERTAIN, reviewer, now);
        } else {
            Lifecycle.require("mapping " + current.id(), current.status(), MappingStatus.ACTIVE);
            next = current.reactivate(target, transform, Confidence.CERTAIN, reviewer, now);
        }
        FieldMapping stored = store.update(next);
        audit.record(MappingChange.of(action, Optional.of(current), stored, Optional.of(why)));
        return stored;
    }

    private void move(
            TenantId tenant,
            MappingId id,
            MappingStatus to,
            ChangeAction action,
            Actor reviewer,
            Instant now,
            String why) {
        FieldMapping current =
                load.byId(tenant, id).orElseThrow(() -> new MappingNotFound("id " + id));
        if (current.status() == to) {
            return;
        }
        Lifecycle.require("mapping " + id, current.status(), to);
        FieldMapping stored = store.update(current.withStatus(to, reviewer, now));
        audit.record(MappingChange.of(action, Optional.of(current), stored, Optional.of(why)));
    }

    private void recordAndNotify(
            Approval approval, Actor actor, String before, String event, String reason) {
        audit.recordSetting(
                approval.tenant(),
                actor,
                clock.instant(),
                "approval:" + approval.id(),
                before,
                approval.status().wireName()
                        + " "
                        + approval.change().type()
                        + " "
                        + approval.change().source(),
                Optional.ofNullable(reason));
        notifications.approvalEvent(event, approval);
    }
}
