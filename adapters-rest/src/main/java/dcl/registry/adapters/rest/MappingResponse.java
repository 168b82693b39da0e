package dcl.registry.adapters.rest;

import dcl.registry.domain.model.FieldMapping;
import java.util.Map;

/** A mapping as the API shows it. */
public record MappingResponse(
        String id,
        String connector,
        String sourceTable,
        String sourceField,
        String canonicalEntity,
        String canonicalField,
        Map<String, Object> transform,
        double confidence,
        String status,
        long version,
        String provenance,
        String createdAt,
        String updatedAt,
        String updatedBy) {

    public static MappingResponse from(FieldMapping m) {
        return new MappingResponse(
                m.id().toString(),
                m.source().connector().value(),
                m.source().table().name(),
                m.source().field().name(),
                m.target().entity(),
                m.target().field(),
                m.transform().map(TransformSpec::describe).orElse(null),
                m.confidence().value(),
                m.status().name(),
                m.version(),
                m.provenance().label(),
                m.createdAt().toString(),
                m.updatedAt().toString(),
                m.updatedBy().subject());
    }
}
