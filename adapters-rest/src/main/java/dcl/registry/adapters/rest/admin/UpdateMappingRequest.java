package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.UpdateMappingUseCase.UpdateMapping;
import java.util.Optional;

/** Body of {@code PUT /dcl/mappings/{id}}: the new target; the identity of a mapping never changes. */
public record UpdateMappingRequest(
    String canonicalEntity, String canonicalField, TransformSpec transform, Double confidence, String reason) {

  UpdateMapping toCommand(TenantId tenant, Actor actor, MappingId id, Optional<Long> expectedVersion) {
    Violations v = new Violations();
    var target = MappingBody.target(v, canonicalEntity, canonicalField);
    var parsedTransform = MappingBody.transform(v, transform);
    var parsedConfidence = MappingBody.confidence(v, confidence);
    var parsedReason = MappingBody.reason(v, reason);
    v.throwIfAny();
    return new UpdateMapping(tenant, actor, id, expectedVersion, target, parsedTransform, parsedConfidence, parsedReason);
  }
}
