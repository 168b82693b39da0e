package dcl.registry.adapters.rest.review;

import dcl.registry.adapters.rest.ChangeView;
import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import java.time.Instant;
import java.util.UUID;

/**
 * An approval as reviewers see it: what would change, who asked, and the decision once made. {@code
 * mappingId} is the mapping it acts on (deprecate, confirm) or, once approved, the one it created
 * or changed; null while a new mapping is only proposed (and after a rejection of one).
 */
public record ApprovalResponse(
        String id,
        String status,
        String type,
        String connector,
        String sourceTable,
        String sourceField,
        String canonicalEntity,
        String canonicalField,
        String transform,
        String previousMappingId,
        String mappingId,
        double confidence,
        String proposalId,
        String submittedBy,
        Instant submittedAt,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String notes,
        long version) {

    public static ApprovalResponse from(Approval a) {
        ProposedChange c = a.change();
        ChangeView view = ChangeView.of(c);
        return new ApprovalResponse(
                a.id().toString(),
                a.status().wireName(),
                c.type(),
                c.source().connector().value(),
                c.source().table().name(),
                c.source().field().name(),
                c.target().entity(),
                c.target().field(),
                view.transform(),
                view.previousMappingId(),
                a.mappingId().map(MappingId::toString).orElse(null),
                a.confidence(),
                a.proposalId().map(UUID::toString).orElse(null),
                a.submittedBy().subject(),
                a.submittedAt(),
                a.reason(),
                a.decidedBy().map(Actor::subject).orElse(null),
                a.decidedAt().orElse(null),
                a.notes().orElse(null),
                a.version());
    }
}
