package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** The parts that create and update bodies share: target, transform, confidence, reason. */
final class MappingBody {
    private MappingBody() {}

    static CanonicalField target(Violations violations, String entity, String field) {
        return violations.check(() -> new CanonicalField(entity, field));
    }

    static Optional<Transform> transform(Violations violations, TransformSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(violations.check(spec::toDomain));
    }

    static Confidence confidence(Violations violations, Double value) {
        return value == null ? Confidence.CERTAIN : violations.check(() -> new Confidence(value));
    }

    static Optional<String> reason(Violations violations, String reason) {
        Optional<String> checked = violations.check(() -> FreeText.optional("reason", reason));
        return checked == null ? Optional.empty() : checked;
    }
}
