package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * One tenant's indexed mappings, with every vector in one contiguous byte array (one slot per
 * mapping, freed slots reused): a search is a straight scan, and each vector is held once. Writers
 * take the write lock, searches the read lock.
 */
final class TenantVectors {
    /** A mapping as indexed (its vector lives in the slot array). */
    record Indexed(MappingId id, SourceRef source, CanonicalField target) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<MappingId, Integer> slotOf = new HashMap<>();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private Indexed[] slots = new Indexed[16];
    private float[] scales = new float[16];
    private byte[] values = new byte[0];
    private int dimensions = -1;
    private int used;
    private final LookAlikeIndex lookAlikes = new LookAlikeIndex();
    private long version;

    void put(Indexed entry, QuantizedVector vector) {
        lock.writeLock().lock();
        try {
            if (dimensions < 0) {
                dimensions = vector.values().length;
                values = new byte[16 * dimensions];
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
        } finally {
            lock.writeLock().unlock();
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
            if (slotOf.isEmpty() || query.values().length != dimensions) {
                return List.of();
            }
            PriorityQueue<SimilarMapping> best =
                    new PriorityQueue<>(Comparator.comparingDouble(SimilarMapping::similarity));
            for (int slot = 0; slot < used; slot++) {
                Indexed e = slots[slot];
                if (e == null) {
                    continue;
                }
                double similarity = query.similarity(values, slot * dimensions, scales[slot]);
                if (best.size() < limit || similarity > best.peek().similarity()) {
                    best.add(new SimilarMapping(e.id(), e.source(), e.target(), similarity));
                    if (best.size() > limit) {
                        best.poll();
                    }
                }
            }
            List<SimilarMapping> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(SimilarMapping::similarity).reversed());
            return ranked;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureCapacity(int slotsNeeded) {
        if (slotsNeeded <= slots.length) {
            return;
        }
        int capacity = Math.max(slotsNeeded, slots.length + (slots.length >> 1));
        slots = Arrays.copyOf(slots, capacity);
        scales = Arrays.copyOf(scales, capacity);
        values = Arrays.copyOf(values, capacity * dimensions);
    }
}
