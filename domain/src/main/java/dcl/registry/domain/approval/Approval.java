package dcl.registry.domain.approval;

import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.NotPermitted;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A change waiting for (or given) a reviewer's decision. Four eyes: whoever submitted it may not
 * decide it (subjects compared case-folded, see {@link Actor#sameAs}). Its status follows {@link
 * ApprovalStatus}: PROPOSED → APPROVED | REJECTED, REJECTED → PROPOSED.
 *
 * <p>{@code mappingId} is the mapping the approval is about: the one its change acts on (a
 * deprecation, a confirmation), or, once approved, the one its approval created or changed (a new
 * field, a retarget, a rename's new field); empty while a new mapping is only proposed.
 */
public record Approval(
        ApprovalId id,
        TenantId tenant,
        ProposedChange change,
        double confidence,
        Optional<UUID> proposalId,
        Optional<MappingId> mappingId,
        ApprovalStatus status,
        Actor submittedBy,
        Instant submittedAt,
        String reason,
        Optional<Actor> decidedBy,
        Optional<Instant> decidedAt,
        Optional<String> notes,
        long version) {

    public Approval {
        Objects.requireNonNull(change);
        Objects.requireNonNull(status);
        mappingId =
                Objects.requireNonNullElse(mappingId, Optional.<MappingId>empty())
                        .or(() -> actedOn(change));
    }

    public static Approval submit(
            TenantId tenant,
            ProposedChange change,
            double confidence,
            Optional<UUID> proposalId,
            Actor submitter,
            Instant now,
            String reason) {
        return new Approval(
                ApprovalId.random(),
                tenant,
                change,
                confidence,
                proposalId,
                Optional.empty(),
                ApprovalStatus.PROPOSED,
                submitter,
                now,
                reason,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1);
    }

    public boolean pending() {
        return status == ApprovalStatus.PROPOSED;
    }

    /**
     * The decision {@code to} by {@code reviewer}. Deciding again the same way by the same reviewer
     * is a retry and answers {@code this} unchanged; any other decision on a decided approval is
     * refused.
     */
    public Approval decide(
            ApprovalStatus to, Actor reviewer, Instant now, Optional<String> decisionNotes) {
        if (reviewer.sameAs(submittedBy)) {
            throw new NotPermitted(
                    "four eyes: "
                            + reviewer.subject()
                            + " submitted approval "
                            + id
                            + " and may not decide it");
        }
        if (status == to && decidedBy.map(reviewer::sameAs).orElse(false)) {
            return this;
        }
        if (status != ApprovalStatus.PROPOSED) {
            throw new IllegalTransition(
                    "approval "
                            + id
                            + " was already "
                            + status.wireName()
                            + decidedBy.map(d -> " by " + d.subject()).orElse("")
                            + "; it is no longer pending");
        }
        status.require("approval " + id, to);
        return new Approval(
                id,
                tenant,
                change,
                confidence,
                proposalId,
                mappingId,
                to,
                submittedBy,
                submittedAt,
                reason,
                Optional.of(reviewer),
                Optional.of(now),
                decisionNotes,
                version + 1);
    }

    /**
     * The approved approval with the mapping its approval created or changed recorded; the same
     * version (it is part of the decision, not a new one).
     */
    public Approval applied(MappingId mapping) {
        Objects.requireNonNull(mapping);
        if (status != ApprovalStatus.APPROVED) {
            throw new IllegalStateException(
                    "approval " + id + " is " + status + ", not APPROVED: nothing was applied");
        }
        return new Approval(
                id,
                tenant,
                change,
                confidence,
                proposalId,
                Optional.of(mapping),
                status,
                submittedBy,
                submittedAt,
                reason,
                decidedBy,
                decidedAt,
                notes,
                version);
    }

    /** A rejected approval whose proposal was updated goes back to the queue. */
    public Approval resubmit(
            ProposedChange updated,
            double newConfidence,
            Actor submitter,
            Instant now,
            String newReason) {
        status.require("approval " + id, ApprovalStatus.PROPOSED);
        return new Approval(
                id,
                tenant,
                updated,
                newConfidence,
                proposalId,
                actedOn(updated),
                ApprovalStatus.PROPOSED,
                submitter,
                now,
                newReason,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                version + 1);
    }

    /**
     * The existing mapping a change acts on itself (deprecation, confirmation); empty for new or
     * renamed fields.
     */
    private static Optional<MappingId> actedOn(ProposedChange change) {
        if (change instanceof ProposedChange.DeprecateField d) {
            return Optional.of(d.mapping());
        }
        if (change instanceof ProposedChange.ConfirmMapping c) {
            return Optional.of(c.mapping());
        }
        return Optional.empty();
    }
}
