package dcl.registry.domain.transform;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.Transform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies a table's ACTIVE mappings to records: one event per record and canonical entity. */
public final class RecordTransformer {
    private final TableMappingSet mappings;

    public RecordTransformer(TableMappingSet mappings) {
        this.mappings = mappings;
    }

    public TransformOutcome transform(List<SourceRecord> records) {
        List<CanonicalEvent> events = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> unmapped = new LinkedHashSet<>();
        for (int index = 0; index < records.size(); index++) {
            SourceRecord record = records.get(index);
            Map<String, Map<String, Object>> byEntity = new LinkedHashMap<>();
            Set<String> consumed = new HashSet<>();
            for (Map.Entry<SourceField, FieldMapping> entry : mappings.fields().entrySet()) {
                Optional<SourceRecord.Lookup> found = record.find(entry.getKey().name());
                if (found.isEmpty()) {
                    continue;
                }
                consumed.add(found.get().topLevelKey());
                FieldMapping mapping = entry.getValue();
                try {
                    Object value = apply(mapping.transform(), found.get().value());
                    byEntity.computeIfAbsent(mapping.target().entity(), e -> new LinkedHashMap<>())
                            .put(mapping.target().field(), value);
                } catch (Transform.ValueNotTransformable problem) {
                    problems.add(
                            new FieldProblem(index, entry.getKey().name(), problem.getMessage()));
                }
            }
            for (String key : record.values().keySet()) {
                if (!consumed.contains(key)) {
                    unmapped.add(key);
                }
            }
            final int recordIndex = index;
            byEntity.forEach(
                    (entity, values) ->
                            events.add(new CanonicalEvent(recordIndex, entity, values)));
        }
        return new TransformOutcome(events, new ArrayList<>(unmapped), problems);
    }

    private static Object apply(Optional<Transform> transform, Object value) {
        return transform.isPresent() ? transform.get().apply(value) : value;
    }
}
