package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.Transform;
import java.util.Optional;

/** The parts that create and update bodies share: target, transform, confidence, reason. */
final class MappingBody {
  private static final int MAX_REASON = 2000;

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
    if (reason != null && reason.length() > MAX_REASON) {
      violations.add("reason", "must be at most " + MAX_REASON + " characters");
    }
    return Optional.ofNullable(reason).filter(r -> !r.isBlank());
  }
}
