package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import java.util.Optional;

/** A canonical field offered to the language model, with what the schema says about it. */
public record CanonicalCandidate(
        CanonicalField field, Optional<String> type, Optional<String> description) {}
