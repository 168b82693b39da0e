package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.TransformSpec;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CreateMappingUseCase.CreateMapping;

/** Body of {@code POST /dcl/mappings}. */
public record CreateMappingRequest(
        String connector,
        String sourceTable,
        String sourceField,
        String canonicalEntity,
        String canonicalField,
        TransformSpec transform,
        Double confidence,
        String reason) {

    CreateMapping toCommand(TenantId tenant, Actor actor) {
        Violations v = new Violations();
        ConnectorId connectorId = v.check(() -> new ConnectorId(connector));
        SourceTable table = v.check(() -> new SourceTable(sourceTable));
        SourceField field = v.check(() -> new SourceField(sourceField));
        var target = MappingBody.target(v, canonicalEntity, canonicalField);
        var parsedTransform = MappingBody.transform(v, transform);
        var parsedConfidence = MappingBody.confidence(v, confidence);
        var parsedReason = MappingBody.reason(v, reason);
        v.throwIfAny();
        return new CreateMapping(
                tenant,
                actor,
                new SourceRef(connectorId, table, field),
                target,
                parsedTransform,
                parsedConfidence,
                parsedReason);
    }
}
