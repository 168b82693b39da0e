package dcl.registry.domain.drift;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the fields a table has now into schema changes against the table's served mappings: mapped
 * fields no longer observed are removed, observed fields not mapped are added, and a removed and an
 * added field that look alike enough are one rename (best pairs first, each field in one pair at
 * most).
 */
public final class DriftAnalysis {
    /** Below this, a look-alike pair is reported as a removal and an addition, not as a rename. */
    public static final double RENAME_THRESHOLD = 0.6;

    private DriftAnalysis() {}

    public static List<SchemaChange> diff(
            List<FieldMapping> served,
            List<ObservedField> observed,
            Function<FieldMapping, Optional<String>> canonicalType) {
        Set<String> observedNames = new HashSet<>();
        observed.forEach(o -> observedNames.add(o.name().name()));
        Set<String> mappedNames = new HashSet<>();
        served.forEach(m -> mappedNames.add(m.source().field().name()));
        List<FieldMapping> removed =
                served.stream()
                        .filter(m -> !observedNames.contains(m.source().field().name()))
                        .toList();
        List<ObservedField> added =
                observed.stream().filter(o -> !mappedNames.contains(o.name().name())).toList();

        record Pair(FieldMapping old, ObservedField now, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (FieldMapping old : removed) {
            for (ObservedField now : added) {
                double score =
                        RenameEvidence.of(old.source().field(), now, canonicalType.apply(old))
                                .score();
                if (score >= RENAME_THRESHOLD) {
                    pairs.add(new Pair(old, now, score));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        Set<SourceField> paired = new HashSet<>();
        List<SchemaChange> changes = new ArrayList<>();
        for (Pair p : pairs) {
            if (!paired.contains(p.old().source().field()) && !paired.contains(p.now().name())) {
                paired.add(p.old().source().field());
                paired.add(p.now().name());
                changes.add(new SchemaChange.FieldRenamed(p.old().source().field(), p.now()));
            }
        }
        removed.stream()
                .filter(m -> !paired.contains(m.source().field()))
                .forEach(m -> changes.add(new SchemaChange.FieldRemoved(m.source().field())));
        added.stream()
                .filter(o -> !paired.contains(o.name()))
                .forEach(o -> changes.add(new SchemaChange.FieldAdded(o)));
        return changes;
    }

    /** Keyed by field name, for callers that look mappings up while planning. */
    public static Map<String, FieldMapping> byField(List<FieldMapping> served) {
        Map<String, FieldMapping> map = new java.util.LinkedHashMap<>();
        served.forEach(m -> map.put(m.source().field().name(), m));
        return map;
    }
}
