package dcl.registry.domain.transform;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.Transform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a table's ACTIVE mappings to records: one event per record and canonical entity. Where
 * two source fields of one record map to the same canonical field with different values, the more
 * confident mapping's value is kept (then the first name) and the other is reported, never silently
 * overwritten.
 */
public final class RecordTransformer {
    private static final Comparator<Map.Entry<SourceField, FieldMapping>> MOST_CONFIDENT_FIRST =
            Comparator.<Map.Entry<SourceField, FieldMapping>>comparingDouble(
                            e -> -e.getValue().confidence().value())
                    .thenComparing(e -> e.getKey().name());

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
            Map<CanonicalField, Map.Entry<SourceField, FieldMapping>> filledBy = new HashMap<>();
            for (Map.Entry<SourceField, FieldMapping> entry : mappings.fields().entrySet()) {
                Optional<SourceRecord.Lookup> found = record.find(entry.getKey().name());
                if (found.isEmpty()) {
                    continue;
                }
                consumed.add(found.get().topLevelKey());
                FieldMapping mapping = entry.getValue();
                try {
                    Object value = apply(mapping.transform(), found.get().value());
                    Map<String, Object> values =
                            byEntity.computeIfAbsent(
                                    mapping.target().entity(), e -> new LinkedHashMap<>());
                    Map.Entry<SourceField, FieldMapping> earlier =
                            filledBy.putIfAbsent(mapping.target(), entry);
                    Object kept = values.get(mapping.target().field());
                    if (earlier == null) {
                        values.put(mapping.target().field(), value);
                    } else if (!Objects.equals(kept, value)) {
                        boolean replaces = MOST_CONFIDENT_FIRST.compare(entry, earlier) < 0;
                        Map.Entry<SourceField, FieldMapping> winner = replaces ? entry : earlier;
                        Map.Entry<SourceField, FieldMapping> loser = replaces ? earlier : entry;
                        if (replaces) {
                            values.put(mapping.target().field(), value);
                            filledBy.put(mapping.target(), entry);
                        }
                        problems.add(conflict(index, mapping.target(), winner, loser));
                    }
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

    private static FieldProblem conflict(
            int record,
            CanonicalField target,
            Map.Entry<SourceField, FieldMapping> kept,
            Map.Entry<SourceField, FieldMapping> dropped) {
        String keptName = kept.getKey().name();
        return new FieldProblem(
                record,
                dropped.getKey().name(),
                "maps to "
                        + target
                        + " as "
                        + keptName
                        + " does, with another value; "
                        + keptName
                        + "'s value was kept (the more confident mapping, then the first name)");
    }

    private static Object apply(Optional<Transform> transform, Object value) {
        return transform.isPresent() ? transform.get().apply(value) : value;
    }
}
