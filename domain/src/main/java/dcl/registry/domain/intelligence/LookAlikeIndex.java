package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's known ACTIVE mappings counted by what a new field shares with them: the same field
 * name once split, folded and stemmed (so {@code Email}, {@code email_address}s and {@code EMail}
 * in other connectors, tables or studies meet), and the same source table name (which entity its
 * other fields went to). Counting instead of searching keeps a look-up constant at 100,000
 * mappings. Thread-safe.
 */
public final class LookAlikeIndex {
    /**
     * Room a name's or a table's counts start with: most go to one or two targets, and a default
     * map's sixteen slots for each of 100,000 names would be 6 MB of the index's 100 MB budget.
     */
    private static final int FEW_TARGETS = 2;

    private final Map<String, Map<CanonicalField, Integer>> byName = new HashMap<>();
    private final Map<String, Map<String, Integer>> byTable = new HashMap<>();

    /** What the known mappings say about one source field. */
    public record Votes(
            Map<CanonicalField, Integer> byName,
            int nameSupport,
            Map<String, Integer> entityByTable,
            int tableSupport) {
        public static final Votes NONE = new Votes(Map.of(), 0, Map.of(), 0);

        public Votes {
            byName = Map.copyOf(byName);
            entityByTable = Map.copyOf(entityByTable);
        }

        /**
         * The share of same-named known fields mapped to a field of this name in any entity, in [0,
         * 1]: {@code id} in a new table votes for the {@code id} of whichever entity the table is.
         */
        public double fieldNameShare(CanonicalField target) {
            if (nameSupport == 0) {
                return 0;
            }
            int same = 0;
            for (Map.Entry<CanonicalField, Integer> vote : byName.entrySet()) {
                if (vote.getKey().field().equals(target.field())) {
                    same += vote.getValue();
                }
            }
            return same / (double) nameSupport;
        }

        /** The share of same-named known fields mapped to exactly this target, in [0, 1]. */
        public double targetShare(CanonicalField target) {
            return nameSupport == 0 ? 0 : byName.getOrDefault(target, 0) / (double) nameSupport;
        }

        /** The share of the same table's known fields mapped into this entity, in [0, 1]. */
        public double tableShare(String entity) {
            return tableSupport == 0
                    ? 0
                    : entityByTable.getOrDefault(entity, 0) / (double) tableSupport;
        }

        /**
         * These votes without one known mapping's own: what the rest of the tenant's knowledge says
         * about it (training leaves each example out).
         */
        public Votes without(CanonicalField target) {
            Map<CanonicalField, Integer> names = new HashMap<>(byName);
            names.computeIfPresent(target, (t, n) -> n > 1 ? n - 1 : null);
            Map<String, Integer> tables = new HashMap<>(entityByTable);
            tables.computeIfPresent(target.entity(), (t, n) -> n > 1 ? n - 1 : null);
            return new Votes(
                    names, Math.max(0, nameSupport - 1), tables, Math.max(0, tableSupport - 1));
        }
    }

    public synchronized void add(SourceRef source, CanonicalField target) {
        byName.computeIfAbsent(nameKey(source), k -> new HashMap<>(FEW_TARGETS))
                .merge(target, 1, Integer::sum);
        byTable.computeIfAbsent(tableKey(source), k -> new HashMap<>(FEW_TARGETS))
                .merge(target.entity(), 1, Integer::sum);
    }

    public synchronized void remove(SourceRef source, CanonicalField target) {
        decrement(byName, nameKey(source), target);
        decrement(byTable, tableKey(source), target.entity());
    }

    public synchronized Votes votes(SourceRef source) {
        Map<CanonicalField, Integer> names =
                Optional.ofNullable(byName.get(nameKey(source))).orElse(Map.of());
        Map<String, Integer> tables =
                Optional.ofNullable(byTable.get(tableKey(source))).orElse(Map.of());
        return new Votes(
                names,
                names.values().stream().mapToInt(Integer::intValue).sum(),
                tables,
                tables.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static <K> void decrement(Map<String, Map<K, Integer>> index, String key, K value) {
        Map<K, Integer> counts = index.get(key);
        if (counts == null) {
            return;
        }
        counts.computeIfPresent(value, (v, n) -> n > 1 ? n - 1 : null);
        if (counts.isEmpty()) {
            index.remove(key);
        }
    }

    /**
     * What look-alike fields share: the field's name split, folded and stemmed ({@code Email},
     * {@code email_address}s and {@code EMail} meet).
     */
    public static String nameKey(SourceRef source) {
        return String.join(" ", Names.stems(Names.words(source.field().name())));
    }

    static String tableKey(SourceRef source) {
        // the table's words only: a "contacts" table holds contacts in every connector
        return String.join(" ", Names.stems(Names.words(source.table().name())));
    }
}
