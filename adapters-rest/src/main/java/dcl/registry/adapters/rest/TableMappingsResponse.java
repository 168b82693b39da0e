package dcl.registry.adapters.rest;

import dcl.registry.domain.model.TableMappingSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table's ACTIVE mapping set, keyed by source field. */
public record TableMappingsResponse(
        String connector, String sourceTable, long version, Map<String, FieldTarget> fields) {

    /** Where one field goes. */
    public record FieldTarget(
            String canonicalEntity,
            String canonicalField,
            Map<String, Object> transform,
            double confidence) {}

    public static TableMappingsResponse from(TableMappingSet set) {
        Map<String, FieldTarget> fields = new LinkedHashMap<>();
        set.fields()
                .forEach(
                        (field, m) ->
                                fields.put(
                                        field.name(),
                                        new FieldTarget(
                                                m.target().entity(),
                                                m.target().field(),
                                                m.transform()
                                                        .map(TransformSpec::describe)
                                                        .orElse(null),
                                                m.confidence().value())));
        return new TableMappingsResponse(
                set.connector().value(), set.table().name(), set.version(), fields);
    }
}
