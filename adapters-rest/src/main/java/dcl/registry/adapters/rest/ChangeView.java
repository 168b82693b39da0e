package dcl.registry.adapters.rest;

import dcl.registry.domain.approval.ProposedChange;

/**
 * The kind-specific parts of a proposed change, flattened for JSON: its transform, the mapping it
 * replaces or acts on.
 */
public record ChangeView(String transform, String previousMappingId, String mappingId) {
    public static ChangeView of(ProposedChange change) {
        if (change instanceof ProposedChange.MapField m) {
            return new ChangeView(m.transform().map(t -> t.type()).orElse(null), null, null);
        }
        if (change instanceof ProposedChange.RenameField r) {
            return new ChangeView(
                    r.transform().map(t -> t.type()).orElse(null), r.previous().toString(), null);
        }
        if (change instanceof ProposedChange.DeprecateField d) {
            return new ChangeView(null, null, d.mapping().toString());
        }
        ProposedChange.ConfirmMapping c = (ProposedChange.ConfirmMapping) change;
        return new ChangeView(null, null, c.mapping().toString());
    }
}
