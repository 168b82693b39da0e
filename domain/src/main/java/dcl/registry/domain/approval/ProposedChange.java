package dcl.registry.domain.approval;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** What an approval, once approved, does to the tenant's mappings. */
public sealed interface ProposedChange {
    /** The field whose mapping changes (for a rename: the new field). */
    SourceRef source();

    /** The canonical field the change is about (the one a mapping feeds, or will feed). */
    CanonicalField target();

    /** The wire name of the kind of change. */
    String type();

    /** Map a field (new, or retargeted): its mapping becomes ACTIVE with confidence 1.0. */
    record MapField(SourceRef source, CanonicalField target, Optional<Transform> transform)
            implements ProposedChange {
        @Override
        public String type() {
            return "map_field";
        }
    }

    /**
     * A renamed field: the new name takes the old mapping's target, the old mapping is deprecated.
     */
    record RenameField(
            MappingId previous,
            SourceRef oldSource,
            SourceRef source,
            CanonicalField target,
            Optional<Transform> transform)
            implements ProposedChange {
        @Override
        public String type() {
            return "rename_field";
        }
    }

    /** A field that is gone: its mapping is deprecated (it serves, as NEEDS_REVIEW, until then). */
    record DeprecateField(MappingId mapping, SourceRef source, CanonicalField target)
            implements ProposedChange {
        @Override
        public String type() {
            return "deprecate_field";
        }
    }

    /** A mapping under review (e.g. its field changed type) that a reviewer confirms as it is. */
    record ConfirmMapping(MappingId mapping, SourceRef source, CanonicalField target)
            implements ProposedChange {
        @Override
        public String type() {
            return "confirm_mapping";
        }
    }
}
