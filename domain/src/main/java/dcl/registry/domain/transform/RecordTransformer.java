package dcl.registry.domain.transform;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.Transform;
import java.math.BigDecimal;
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
 * two source fields of one record map to the same canonical field with different values, one is
 * kept ({@link Filled}) and the other is reported, never silently overwritten.
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
            Filled filled = new Filled(index);
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
                    filled.offer(entry, value).ifPresent(problems::add);
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
            filled.byEntity.forEach(
                    (entity, values) ->
                            events.add(new CanonicalEvent(recordIndex, entity, values)));
        }
        return new TransformOutcome(events, new ArrayList<>(unmapped), problems);
    }

    /**
     * One record's canonical values, each target filled once: a present value over a null, then the
     * more confident mapping's, then the source field's name first in alphabetical order; a
     * different value left out is reported.
     */
    private static final class Filled {
        final Map<String, Map<String, Object>> byEntity = new LinkedHashMap<>();
        private final Map<CanonicalField, Map.Entry<SourceField, FieldMapping>> by =
                new HashMap<>();
        private final int record;

        Filled(int record) {
            this.record = record;
        }

        Optional<FieldProblem> offer(Map.Entry<SourceField, FieldMapping> entry, Object value) {
            CanonicalField target = entry.getValue().target();
            Map<String, Object> values =
                    byEntity.computeIfAbsent(target.entity(), e -> new LinkedHashMap<>());
            Map.Entry<SourceField, FieldMapping> earlier = by.get(target);
            Object kept = values.get(target.field());
            boolean replaces =
                    earlier == null
                            || (kept == null && value != null)
                            || (value != null && MOST_CONFIDENT_FIRST.compare(entry, earlier) < 0);
            if (replaces) {
                values.put(target.field(), value);
                by.put(target, entry);
            }
            if (earlier == null || kept == null || value == null || same(kept, value)) {
                return Optional.empty();
            }
            Map.Entry<SourceField, FieldMapping> winner = replaces ? entry : earlier;
            Map.Entry<SourceField, FieldMapping> loser = replaces ? earlier : entry;
            String keptName = winner.getKey().name();
            return Optional.of(
                    new FieldProblem(
                            record,
                            loser.getKey().name(),
                            "maps to "
                                    + target
                                    + " as "
                                    + keptName
                                    + " does, with another value; "
                                    + keptName
                                    + "'s value was kept (the more confident mapping, then the"
                                    + " name first in alphabetical order)"));
        }

        /**
         * Equal values, numbers by value ({@code 1} is {@code 1.0}), inside lists and objects too.
         */
        private static boolean same(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!same(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                return x.keySet().equals(y.keySet())
                        && x.entrySet().stream()
                                .allMatch(e -> same(e.getValue(), y.get(e.getKey())));
            }
            return Objects.equals(a, b);
        }
    }

    private static Object apply(Optional<Transform> transform, Object value) {
        return transform.isPresent() ? transform.get().apply(value) : value;
    }
}
