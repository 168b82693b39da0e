package dcl.registry.domain.legacy;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** A legacy entry that passed every rule: what it means in the registry's terms. */
public record AcceptedEntry(
        LegacyEntry origin,
        SourceRef source,
        CanonicalField target,
        Optional<Transform> transform) {}
