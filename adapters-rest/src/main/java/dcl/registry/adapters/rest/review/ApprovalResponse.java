package dcl.registry.adapters.rest.review;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.model.Actor;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An approval as reviewers see it: what would change, who asked, and the decision once made. */
public record ApprovalResponse(
    String id, String status, String type, String connector, String sourceTable, String sourceField,
    String canonicalEntity, String canonicalField, String transform, String previousMappingId, String mappingId,
    double confidence, String proposalId, String submittedBy, Instant submittedAt, String reason, String decidedBy,
    Instant decidedAt, String notes, long version) {

  public static ApprovalResponse from(Approval a) {
    ProposedChange c = a.change();
    String transform = null;
    String previous = null;
    String mapping = null;
    if (c instanceof ProposedChange.MapField m) {
      transform = m.transform().map(t -> t.type()).orElse(null);
    } else if (c instanceof ProposedChange.RenameField r) {
      transform = r.transform().map(t -> t.type()).orElse(null);
      previous = r.previous().toString();
    } else if (c instanceof ProposedChange.DeprecateField d) {
      mapping = d.mapping().toString();
    } else if (c instanceof ProposedChange.ConfirmMapping k) {
      mapping = k.mapping().toString();
    }
    return new ApprovalResponse(a.id().toString(), a.status().name().toLowerCase(Locale.ROOT), c.type(),
        c.source().connector().value(), c.source().table().name(), c.source().field().name(), c.target().entity(),
        c.target().field(), transform, previous, mapping, a.confidence(), a.proposalId().map(UUID::toString).orElse(null),
        a.submittedBy().subject(), a.submittedAt(), a.reason(), a.decidedBy().map(Actor::subject).orElse(null),
        a.decidedAt().orElse(null), a.notes().orElse(null), a.version());
  }
}
