package dcl.registry.adapters.llm.embedding;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.KnownVector;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.RecentSchemas;
import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.SemanticSearch;
import dcl.registry.domain.port.out.StoredEmbeddings;
import dcl.registry.domain.port.out.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The in-memory nearest-neighbour index of every tenant's ACTIVE mappings (one quantized vector
 * each), loaded from PostgreSQL at start, kept current by following every mapping write in the
 * database's write order (so writes on any node reach every node's index), and the canonical
 * fields' vectors, computed once per text and tenant. Until the start-up load is done,
 * similar-mapping searches are refused (the {@code rag} strategy reports it) rather than answered
 * from a partial index.
 */
public class SemanticIndex implements SemanticSearch {
    private static final Logger LOG = Logger.getLogger(SemanticIndex.class.getName());

    /** Query vectors kept (about 400 bytes each). */
    private static final int RECENT_QUERIES = 512;

    private static final int SAVE_BATCH = 500;
    private static final int CANONICAL_VECTORS_KEPT = 50_000;

    private final TextEmbedder embedder;
    private final StoredEmbeddings stored;
    private final String modelKey;
    private final Map<TenantId, TenantVectors> tenants = new ConcurrentHashMap<>();

    private final CanonicalTextVectors canonicalVectors =
            new CanonicalTextVectors(CANONICAL_VECTORS_KEPT);

    private static final String READ_ALIKE = "name and description read alike";
    private final RecentSchemas<SchemaVectors> recentSchemas = new RecentSchemas<>(64);
    private final Map<String, QuantizedVector> recentQueries =
            new LinkedHashMap<>(RECENT_QUERIES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, QuantizedVector> eldest) {
                    return size() > RECENT_QUERIES;
                }
            };
    private final AtomicLong toLoad = new AtomicLong(-1);
    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong caughtUpTo = new AtomicLong(-1);
    private final Map<Long, Long> gaps = new ConcurrentHashMap<>();
    static final java.time.Duration GAP_PATIENCE = java.time.Duration.ofMinutes(2);

    /**
     * A restore moves the sequence far ahead: such jumps are not all tracked (the restore reloads
     * the index anyway).
     */
    static final int MAX_GAPS = 10_000;

    private volatile boolean ready;

    public SemanticIndex(TextEmbedder embedder, StoredEmbeddings stored) {
        this.embedder = embedder;
        this.stored = stored;
        this.modelKey = embedder.model() + "/" + EmbeddingText.RECIPE;
    }

    /**
     * Loads every ACTIVE mapping's vector, embedding (and storing) those that have none yet, then
     * replaces the index with what was loaded (also after a restore). Writes made meanwhile are
     * picked up by the next {@link #catchUp}, which starts again from where this load began.
     */
    public void rebuild() {
        long started = System.nanoTime();
        long position = stored.latestChange();
        Map<TenantId, TenantVectors> fresh = new ConcurrentHashMap<>();
        Map<TenantId, List<KnownVector>> missing = new LinkedHashMap<>();
        long[] count = {0};
        stored.forEachActive(
                modelKey,
                known -> {
                    count[0]++;
                    known.vector()
                            .ifPresentOrElse(
                                    v ->
                                            add(
                                                    fresh,
                                                    known.tenant(),
                                                    new TenantVectors.Indexed(
                                                            known.mappingId(),
                                                            known.source(),
                                                            known.target()),
                                                    v),
                                    () ->
                                            missing.computeIfAbsent(
                                                            known.tenant(), t -> new ArrayList<>())
                                                    .add(known));
                });
        long reused = count[0] - missing.values().stream().mapToLong(List::size).sum();
        toLoad.set(count[0]);
        loaded.set(reused);
        for (Map.Entry<TenantId, List<KnownVector>> tenant : missing.entrySet()) {
            List<KnownVector> all = tenant.getValue();
            for (int from = 0; from < all.size(); from += SAVE_BATCH) {
                Map<MappingId, QuantizedVector> batch = new LinkedHashMap<>();
                List<KnownVector> part = all.subList(from, Math.min(all.size(), from + SAVE_BATCH));
                Map<String, QuantizedVector> vectors =
                        embedTogether(
                                part.stream()
                                        .map(k -> EmbeddingText.ofSource(k.source()))
                                        .toList());
                for (KnownVector known : part) {
                    QuantizedVector v = vectors.get(EmbeddingText.ofSource(known.source()));
                    batch.put(known.mappingId(), v);
                    add(
                            fresh,
                            tenant.getKey(),
                            new TenantVectors.Indexed(
                                    known.mappingId(), known.source(), known.target()),
                            v);
                }
                stored.save(modelKey, tenant.getKey(), batch);
                loaded.addAndGet(batch.size());
            }
        }
        fresh.values().forEach(TenantVectors::trimToSize);
        tenants.keySet().retainAll(fresh.keySet());
        tenants.putAll(fresh);
        caughtUpTo.set(position);
        ready = true;
        LOG.info(
                String.format(
                        Locale.ROOT,
                        "Semantic index ready: %d ACTIVE mappings of %d tenants (%d vectors reused,"
                                + " %d embedded) in %d ms; model %s",
                        count[0],
                        tenants.size(),
                        reused,
                        count[0] - reused,
                        (System.nanoTime() - started) / 1_000_000,
                        modelKey));
    }

    /**
     * Applies the mapping writes made since the last catch-up, on any node, in write order: an
     * ACTIVE mapping is (re)indexed — with its stored vector, the one already indexed for the same
     * source, or a new one (embedded and stored) — and any other is dropped. Returns how many
     * writes were applied.
     */
    public int catchUp(int limit) {
        long from = caughtUpTo.get();
        if (!ready || from < 0) {
            return 0;
        }
        List<StoredEmbeddings.ChangedMapping> changed = stored.changedSince(modelKey, from, limit);
        noteGaps(from, changed);
        apply(changed);
        if (!changed.isEmpty()) {
            caughtUpTo.set(changed.get(changed.size() - 1).position());
        }
        if (!gaps.isEmpty()) {
            List<StoredEmbeddings.ChangedMapping> late =
                    stored.changedAt(modelKey, List.copyOf(gaps.keySet()));
            late.forEach(c -> gaps.remove(c.position()));
            apply(late);
            long expired = System.nanoTime() - GAP_PATIENCE.toNanos();
            gaps.values().removeIf(seen -> seen < expired);
        }
        return changed.size();
    }

    /**
     * Positions skipped over belong to transactions that rolled back or have not committed yet: the
     * sequence is taken at write time, the row becomes visible at commit. They are looked for again
     * until they show up or {@link #GAP_PATIENCE} has passed, so a slow transaction's write is not
     * lost to the index.
     */
    private void noteGaps(long from, List<StoredEmbeddings.ChangedMapping> changed) {
        long expected = from + 1;
        long now = System.nanoTime();
        for (StoredEmbeddings.ChangedMapping c : changed) {
            for (long p = expected; p < c.position() && gaps.size() < MAX_GAPS; p++) {
                gaps.putIfAbsent(p, now);
            }
            expected = c.position() + 1;
        }
    }

    private void apply(List<StoredEmbeddings.ChangedMapping> changed) {
        Map<String, QuantizedVector> fresh =
                embedTogether(
                        changed.stream()
                                .filter(
                                        c ->
                                                c.active()
                                                        && c.mapping().vector().isEmpty()
                                                        && indexed(c.mapping()).isEmpty())
                                .map(c -> EmbeddingText.ofSource(c.mapping().source()))
                                .toList());
        Map<TenantId, Map<MappingId, QuantizedVector>> embedded = new LinkedHashMap<>();
        for (StoredEmbeddings.ChangedMapping c : changed) {
            KnownVector m = c.mapping();
            TenantVectors entries = tenants.computeIfAbsent(m.tenant(), t -> new TenantVectors());
            if (!c.active()) {
                entries.remove(m.mappingId());
                continue;
            }
            QuantizedVector vector =
                    m.vector()
                            .or(() -> indexed(m))
                            .orElseGet(
                                    () -> {
                                        // removed earlier in this same batch, the index no
                                        // longer holds the vector it was expected to
                                        QuantizedVector v =
                                                fresh.computeIfAbsent(
                                                        EmbeddingText.ofSource(m.source()),
                                                        this::embed);
                                        embedded.computeIfAbsent(
                                                        m.tenant(), t -> new LinkedHashMap<>())
                                                .put(m.mappingId(), v);
                                        return v;
                                    });
            entries.put(new TenantVectors.Indexed(m.mappingId(), m.source(), m.target()), vector);
        }
        embedded.forEach((tenant, vectors) -> stored.save(modelKey, tenant, vectors));
    }

    /** The vector the index holds for the mapping, if it holds one for the same source. */
    private Optional<QuantizedVector> indexed(KnownVector m) {
        TenantVectors entries = tenants.get(m.tenant());
        return entries == null
                ? Optional.empty()
                : entries.get(m.mappingId())
                        .filter(k -> k.getKey().source().equals(m.source()))
                        .map(Map.Entry::getValue);
    }

    /**
     * The texts' vectors by text, embedded side by side (each distinct text once): what a load or a
     * catch-up embeds, on every core rather than one.
     */
    private Map<String, QuantizedVector> embedTogether(List<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
        List<float[]> vectors = embedder.embedAll(distinct);
        Map<String, QuantizedVector> byText = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), QuantizedVector.of(vectors.get(i)));
        }
        return byText;
    }

    public boolean ready() {
        return ready;
    }

    /**
     * Mappings loaded or embedded so far, and how many the start-up load found (-1 before it
     * counted them).
     */
    public long loaded() {
        return loaded.get();
    }

    public long toLoad() {
        return toLoad.get();
    }

    public long size() {
        return tenants.values().stream().mapToLong(TenantVectors::size).sum();
    }

    /**
     * How many of a tenant's {@code entries} one search scores exactly (all of a small tenant's;
     * the nearest by sign code of a large one's).
     */
    public static int scoredExactly(long entries) {
        return entries <= TenantVectors.EXACT_UP_TO
                ? (int) entries
                : TenantVectors.rescored((int) entries);
    }

    @Override
    public List<SimilarMapping> similarMappings(
            TenantId tenant, ProposalRequest request, int limit) {
        requireReady();
        TenantVectors entries = tenants.get(tenant);
        if (entries == null || entries.size() == 0) {
            return List.of();
        }
        return entries.nearest(embedQuery(tenant, EmbeddingText.ofSource(request.source())), limit);
    }

    /**
     * Refuses a search until the index has loaded. The reason reaches the caller's tenant (its
     * answer, its decisions), so it carries no count: the load spans every tenant's mappings; the
     * service's totals and the load's progress are on {@code /health/ready}.
     */
    private void requireReady() {
        if (!ready) {
            throw new StrategyUnavailable(
                    StrategyName.RAG.label(), toLoad.get() < 0 ? "index loading" : "index warming");
        }
    }

    @Override
    public LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source) {
        requireReady();
        TenantVectors entries = tenants.get(tenant);
        return entries == null ? LookAlikeIndex.Votes.NONE : entries.lookAlikes(source);
    }

    @Override
    public List<KnownMapping> knownMappings(TenantId tenant, int limit) {
        TenantVectors entries = tenants.get(tenant);
        return entries == null ? List.of() : entries.recent(limit);
    }

    @Override
    public long knowledgeVersion(TenantId tenant) {
        TenantVectors entries = tenants.get(tenant);
        return entries == null ? 0 : entries.version();
    }

    @Override
    public Map<String, Double> similarEntities(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request) {
        SchemaVectors vectors = vectorsOf(tenant, schema);
        return similarities(
                embedQuery(tenant, EmbeddingText.ofTable(request)),
                vectors.entities(),
                vectors::entityVector);
    }

    @Override
    public Map<CanonicalField, Double> similarFieldsAlone(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request) {
        SchemaVectors vectors = vectorsOf(tenant, schema);
        return similarities(
                embedQuery(tenant, EmbeddingText.ofField(request)),
                vectors.fields(),
                vectors::fieldAloneVector);
    }

    /** The query's similarity to each key's vector, to three decimals, by key. */
    private static <K> Map<K, Double> similarities(
            QuantizedVector query, List<K> keys, IntFunction<QuantizedVector> vectorAt) {
        Map<K, Double> similar = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            similar.put(
                    keys.get(i), Math.round(query.similarity(vectorAt.apply(i)) * 1000) / 1000.0);
        }
        return similar;
    }

    @Override
    public List<Candidate> similarCanonicalFields(
            TenantId tenant, CanonicalSchema schema, ProposalRequest request, int limit) {
        QuantizedVector query = embedQuery(tenant, EmbeddingText.ofRequest(request));
        SchemaVectors vectors = vectorsOf(tenant, schema);
        List<Candidate> scored = new ArrayList<>(vectors.fields().size());
        for (int i : vectors.byName()) {
            scored.add(
                    new Candidate(
                            vectors.fields().get(i),
                            Math.round(query.similarity(vectors.fieldVector(i)) * 1000) / 1000.0,
                            READ_ALIKE));
        }
        // stable: equal scores stay in the order of their names
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
    }

    /**
     * The schema's vectors, computed once while the schema is among the recent ones: the texts not
     * embedded before are embedded side by side (at 1,000 fields, two thousand texts).
     */
    private SchemaVectors vectorsOf(TenantId tenant, CanonicalSchema schema) {
        return recentSchemas.of(
                tenant,
                schema,
                s ->
                        new SchemaVectors(
                                s,
                                texts -> {
                                    Map<String, QuantizedVector> known = new HashMap<>();
                                    List<String> missing = new ArrayList<>();
                                    for (String text : new LinkedHashSet<>(texts)) {
                                        canonicalVectors
                                                .get(tenant, text)
                                                .ifPresentOrElse(
                                                        v -> known.put(text, v),
                                                        () -> missing.add(text));
                                    }
                                    Map<String, QuantizedVector> embedded = embedTogether(missing);
                                    known.putAll(embedded);
                                    embedded.forEach(
                                            (text, v) -> canonicalVectors.put(tenant, text, v));
                                    return texts.stream().map(known::get).toList();
                                }));
    }

    private static void add(
            Map<TenantId, TenantVectors> index,
            TenantId tenant,
            TenantVectors.Indexed entry,
            QuantizedVector vector) {
        index.computeIfAbsent(tenant, t -> new TenantVectors()).put(entry, vector);
    }

    private QuantizedVector embed(String text) {
        return QuantizedVector.of(embedder.embed(text));
    }

    /**
     * Embeds the request's four query texts that are not among the recent ones side by side: one
     * after another they were most of a proposal's time.
     */
    @Override
    public void prepare(TenantId tenant, ProposalRequest request) {
        List<String> texts =
                Stream.of(
                                EmbeddingText.ofSource(request.source()),
                                EmbeddingText.ofRequest(request),
                                EmbeddingText.ofTable(request),
                                EmbeddingText.ofField(request))
                        .distinct()
                        .filter(
                                text -> {
                                    synchronized (recentQueries) {
                                        return !recentQueries.containsKey(queryKey(tenant, text));
                                    }
                                })
                        .toList();
        Map<String, QuantizedVector> vectors = embedTogether(texts);
        synchronized (recentQueries) {
            vectors.forEach((text, v) -> recentQueries.put(queryKey(tenant, text), v));
        }
    }

    private static String queryKey(TenantId tenant, String text) {
        return tenant.value() + '\u0000' + text;
    }

    /**
     * A query's vector, kept among the most recent: the same request is often searched twice in a
     * row ({@code mixed} tries rag first, a shadowed rag candidate runs it again, a runtime
     * retries), and embedding is most of a search's cost. Kept per tenant, so that how fast a
     * search answers tells no tenant what another searched for.
     */
    private QuantizedVector embedQuery(TenantId tenant, String text) {
        String key = queryKey(tenant, text);
        synchronized (recentQueries) {
            QuantizedVector known = recentQueries.get(key);
            if (known != null) {
                return known;
            }
        }
        QuantizedVector v = embed(text);
        synchronized (recentQueries) {
            recentQueries.put(key, v);
        }
        return v;
    }
}
