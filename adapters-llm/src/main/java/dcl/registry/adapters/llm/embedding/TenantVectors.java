package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * One tenant's indexed mappings, with every vector in one contiguous byte array (one slot per
 * mapping, freed slots reused), and beside it each vector's sign code (one bit per dimension, 48
 * bytes for 384): a search of a small tenant is a straight scan; above {@link #EXACT_UP_TO} entries
 * the codes are compared first (XOR and bit count, tens of times cheaper than the dot product) and
 * only the {@link #rescored} nearest by code are scored exactly. Writers take the write lock,
 * searches the read lock.
 */
final class TenantVectors {
    /** Up to this many entries every vector is scored exactly: the scan costs under 2 ms. */
    static final int EXACT_UP_TO = 4_096;

    /**
     * How many entries, nearest by sign code, are scored exactly: 1 in 64 of the tenant's, at least
     * 512 — on 100,000 mappings 1,562, which finds the exact nearest 8 (the recall
     * bench-semantic-index prints) for a few per cent of a full scan's cost.
     */
    static int rescored(int entries) {
        return Math.max(512, entries / 64);
    }

    /** A mapping as indexed (its vector lives in the slot array). */
    record Indexed(MappingId id, SourceRef source, CanonicalField target) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<MappingId, Integer> slotOf = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private Indexed[] slots = new Indexed[16];
    private float[] scales = new float[16];
    private byte[] values = new byte[0];
    private long[] signs = new long[0];
    private int dimensions = -1;
    private int words;
    private int used;
    private final LookAlikeIndex lookAlikes = new LookAlikeIndex();
    private long version;

    /*
     * One instance of each connector, table and target named: a tenant's 100,000 mappings name a
     * few hundred of each, while every row read brings its own copies (about 250 bytes a mapping).
     */
    private final Map<ConnectorId, ConnectorId> connectors = new HashMap<>();
    private final Map<SourceTable, SourceTable> tables = new HashMap<>();
    private final Map<CanonicalField, CanonicalField> targets = new HashMap<>();

    void put(Indexed given, QuantizedVector vector) {
        lock.writeLock().lock();
        try {
            Indexed entry = sharing(given);
            if (dimensions < 0) {
                dimensions = vector.values().length;
                words = (dimensions + Long.SIZE - 1) / Long.SIZE;
                values = new byte[16 * dimensions];
                signs = new long[16 * words];
            }
            if (vector.values().length != dimensions) {
                throw new IllegalArgumentException("vectors of different models in one index");
            }
            Integer slot = slotOf.get(entry.id());
            if (slot == null) {
                slot = freeSlots.isEmpty() ? used++ : freeSlots.pop();
                ensureCapacity(used);
                slotOf.put(entry.id(), slot);
            }
            if (slots[slot] != null) {
                lookAlikes.remove(slots[slot].source(), slots[slot].target());
            }
            slots[slot] = entry;
            lookAlikes.add(entry.source(), entry.target());
            version++;
            scales[slot] = vector.scale();
            System.arraycopy(vector.values(), 0, values, slot * dimensions, dimensions);
            signCode(vector.values(), signs, slot * words);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Indexed sharing(Indexed entry) {
        SourceRef source = entry.source();
        return new Indexed(
                entry.id(),
                new SourceRef(
                        connectors.computeIfAbsent(source.connector(), c -> c),
                        tables.computeIfAbsent(source.table(), t -> t),
                        source.field()),
                targets.computeIfAbsent(entry.target(), t -> t));
    }

    /** Frees the room kept for growth: after a load, which fills the slots once. */
    void trimToSize() {
        lock.writeLock().lock();
        try {
            if (dimensions > 0) {
                resize(used);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Slots allocated, used or kept for growth. */
    int capacity() {
        lock.readLock().lock();
        try {
            return slots.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The indexed entry and its vector, if the mapping is indexed. */
    java.util.Optional<Map.Entry<Indexed, QuantizedVector>> get(MappingId id) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(id);
            if (slot == null) {
                return java.util.Optional.empty();
            }
            byte[] copy = Arrays.copyOfRange(values, slot * dimensions, (slot + 1) * dimensions);
            return java.util.Optional.of(
                    Map.entry(slots[slot], new QuantizedVector(copy, scales[slot])));
        } finally {
            lock.readLock().unlock();
        }
    }

    void remove(MappingId id) {
        removeIf(e -> e.id().equals(id));
    }

    void removeIf(Predicate<Indexed> condition) {
        lock.writeLock().lock();
        try {
            for (int slot = 0; slot < used; slot++) {
                if (slots[slot] != null && condition.test(slots[slot])) {
                    slotOf.remove(slots[slot].id());
                    lookAlikes.remove(slots[slot].source(), slots[slot].target());
                    version++;
                    slots[slot] = null;
                    scales[slot] = 0;
                    freeSlots.push(slot);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The indexed mappings counted by name and table (kept with every put and remove). */
    LookAlikeIndex.Votes lookAlikes(SourceRef source) {
        return lookAlikes.votes(source);
    }

    /** Changes with every put and remove. */
    long version() {
        lock.readLock().lock();
        try {
            return version;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code limit} indexed mappings, from the last slots filled. */
    List<KnownMapping> recent(int limit) {
        lock.readLock().lock();
        try {
            List<KnownMapping> known = new ArrayList<>();
            for (int slot = used - 1; slot >= 0 && known.size() < limit; slot--) {
                Indexed e = slots[slot];
                if (e != null) {
                    known.add(new KnownMapping(e.id(), e.source(), e.target()));
                }
            }
            return known;
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The {@code limit} most similar entries, most similar first. */
    List<SimilarMapping> nearest(QuantizedVector query, int limit) {
        lock.readLock().lock();
        try {
            if (slotOf.isEmpty() || query.values().length != dimensions || limit <= 0) {
                return List.of();
            }
            Nearest best = new Nearest(limit);
            if (slotOf.size() <= EXACT_UP_TO) {
                for (int slot = 0; slot < used; slot++) {
                    if (slots[slot] != null) {
                        best.offer(slot, query.similarity(values, slot * dimensions, scales[slot]));
                    }
                }
            } else {
                for (int slot : nearestByCode(query, rescored(slotOf.size()))) {
                    best.offer(slot, query.similarity(values, slot * dimensions, scales[slot]));
                }
            }
            return best.ranked(slots);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The live slots whose sign codes differ least from the query's, at least {@code wanted} of
     * them (all those at the cut-off distance are kept): one pass counts distances, a histogram
     * finds the cut-off, no sorting.
     */
    private int[] nearestByCode(QuantizedVector query, int wanted) {
        long[] code = new long[words];
        signCode(query.values(), code, 0);
        int[] distance = new int[used];
        int[] histogram = new int[dimensions + 2];
        for (int slot = 0; slot < used; slot++) {
            if (slots[slot] == null) {
                distance[slot] = dimensions + 1;
                continue;
            }
            int d = 0;
            int base = slot * words;
            for (int w = 0; w < words; w++) {
                d += Long.bitCount(code[w] ^ signs[base + w]);
            }
            distance[slot] = d;
            histogram[d]++;
        }
        int cutOff = 0;
        int kept = histogram[0];
        while (kept < wanted && cutOff < dimensions) {
            kept += histogram[++cutOff];
        }
        int[] chosen = new int[kept];
        int n = 0;
        for (int slot = 0; slot < used; slot++) {
            if (distance[slot] <= cutOff) {
                chosen[n++] = slot;
            }
        }
        return chosen;
    }

    /** One bit per dimension, set where the component is positive. */
    private static void signCode(byte[] vector, long[] into, int offset) {
        for (int w = offset; w < offset + (vector.length + Long.SIZE - 1) / Long.SIZE; w++) {
            into[w] = 0;
        }
        for (int i = 0; i < vector.length; i++) {
            if (vector[i] > 0) {
                into[offset + i / Long.SIZE] |= 1L << (i % Long.SIZE);
            }
        }
    }

    /** The best few slots seen so far, kept sorted in two small arrays (no object per offer). */
    private static final class Nearest {
        private final int[] slot;
        private final double[] similarity;
        private int size;

        Nearest(int limit) {
            slot = new int[limit];
            similarity = new double[limit];
        }

        void offer(int candidate, double score) {
            if (size == slot.length && score <= similarity[size - 1]) {
                return;
            }
            int at = size == slot.length ? size - 1 : size++;
            while (at > 0 && similarity[at - 1] < score) {
                slot[at] = slot[at - 1];
                similarity[at] = similarity[at - 1];
                at--;
            }
            slot[at] = candidate;
            similarity[at] = score;
        }

        List<SimilarMapping> ranked(Indexed[] entries) {
            List<SimilarMapping> ranked = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                Indexed e = entries[slot[k]];
                ranked.add(new SimilarMapping(e.id(), e.source(), e.target(), similarity[k]));
            }
            return ranked;
        }
    }

    private void ensureCapacity(int slotsNeeded) {
        if (slotsNeeded <= slots.length) {
            return;
        }
        resize(Math.max(slotsNeeded, slots.length + (slots.length >> 1)));
    }

    private void resize(int capacity) {
        slots = Arrays.copyOf(slots, capacity);
        scales = Arrays.copyOf(scales, capacity);
        values = Arrays.copyOf(values, capacity * dimensions);
        signs = Arrays.copyOf(signs, capacity * words);
    }
}
