package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.ChangeView;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.drift.EstimatedImpact;
import dcl.registry.domain.drift.RepairPlan;
import dcl.registry.domain.drift.RepairProposal;
import dcl.registry.domain.drift.SchemaChange;
import java.util.List;

/**
 * The repair plan: the changes seen, the ranked proposals (each queued for approval), impact, and
 * what is under review.
 */
public record RepairDriftResponse(
        String connector,
        String sourceTable,
        List<Change> changes,
        List<Proposal> proposals,
        Proposal recommended,
        EstimatedImpact estimatedImpact,
        List<String> markedForReview,
        String note) {

    /** A schema change, as detected or computed. */
    public record Change(String changeType, String field, String oldField) {}

    /** A repair proposal and the approval it waits in. */
    public record Proposal(
            String type,
            String approvalId,
            double confidence,
            String rationale,
            String connector,
            String sourceTable,
            String sourceField,
            String canonicalEntity,
            String canonicalField,
            String transform,
            String previousMappingId,
            String mappingId) {}

    static RepairDriftResponse from(String connector, String table, RepairPlan plan) {
        List<Proposal> proposals =
                plan.proposals().stream().map(RepairDriftResponse::proposal).toList();
        return new RepairDriftResponse(
                connector,
                table,
                plan.changes().stream().map(RepairDriftResponse::change).toList(),
                proposals,
                proposals.isEmpty() ? null : proposals.get(0),
                plan.impact(),
                plan.markedForReview().stream().map(Object::toString).toList(),
                plan.markedForReview().isEmpty()
                        ? "no mapping changed state; nothing is live until a reviewer approves"
                        : "mappings marked NEEDS_REVIEW keep serving the runtime until a reviewer"
                                + " decides; nothing new is live until approved");
    }

    private static Change change(SchemaChange c) {
        if (c instanceof SchemaChange.FieldRenamed r) {
            return new Change("field_renamed", r.field().name(), r.oldField().name());
        }
        if (c instanceof SchemaChange.FieldAdded) {
            return new Change("field_added", c.field().name(), null);
        }
        if (c instanceof SchemaChange.FieldRemoved) {
            return new Change("field_removed", c.field().name(), null);
        }
        return new Change("type_changed", c.field().name(), null);
    }

    private static Proposal proposal(RepairProposal p) {
        ProposedChange c = p.change();
        ChangeView view = ChangeView.of(c);
        return new Proposal(
                c.type(),
                p.approval().map(Object::toString).orElse(null),
                p.confidence(),
                p.rationale(),
                c.source().connector().value(),
                c.source().table().name(),
                c.source().field().name(),
                c.target().entity(),
                c.target().field(),
                view.transform(),
                view.previousMappingId(),
                view.mappingId());
    }
}
