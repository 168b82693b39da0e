package dcl.registry.bench;

import dcl.registry.adapters.llm.embedding.LocalEmbeddingModel;
import dcl.registry.adapters.llm.embedding.OnnxTextEmbedder;
import dcl.registry.adapters.llm.embedding.SemanticIndex;
import dcl.registry.domain.intelligence.KnownVector;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StoredEmbeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The semantic index's memory budget and search time at 100,000 mappings in one tenant (the worst
 * case for a scan), with the real embedding model: prints bytes per mapping, the heap the index
 * holds, the embedding rate (what a first start without stored vectors costs) and search latency.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@bench-semantic-index} (no service needed;
 * the default embedding model, another with {@code -Ddcl.intelligence.embedding.model=NAME}).
 */
public final class SemanticIndexBenchmark {
    private static final int MAPPINGS = Integer.getInteger("bench.mappings", 100_000);
    private static final int DISTINCT_TEXTS = 2_000;

    private SemanticIndexBenchmark() {}

    public static void main(String[] args) {
        String name =
                System.getProperty(
                        LocalEmbeddingModel.PROPERTY, LocalEmbeddingModel.DEFAULT.label());
        LocalEmbeddingModel model =
                LocalEmbeddingModel.parse(name)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                name
                                                        + " is not an embedding model; allowed: "
                                                        + LocalEmbeddingModel.allowed()));
        System.out.println("embedding model: " + model.label());
        OnnxTextEmbedder embedder = new OnnxTextEmbedder(model);
        embedder.embed("warm-up");
        String[] words = {
            "account",
            "contact",
            "deal",
            "ticket",
            "invoice",
            "order",
            "amount",
            "date",
            "owner",
            "email",
            "phone",
            "status",
            "name",
            "created",
            "updated",
            "stage",
            "priority",
            "total",
            "city",
            "country"
        };
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < DISTINCT_TEXTS; i++) {
            texts.add(
                    words[i % 20]
                            + " "
                            + words[(i / 20) % 20]
                            + " "
                            + words[(i / 400) % 20]
                            + " "
                            + i);
        }
        long t0 = System.nanoTime();
        List<QuantizedVector> vectors =
                embedder.embedAll(texts).stream().map(QuantizedVector::of).toList();
        double msPerText = (System.nanoTime() - t0) / 1e6 / DISTINCT_TEXTS;
        int alone = DISTINCT_TEXTS / 10;
        t0 = System.nanoTime();
        for (String text : texts.subList(0, alone)) {
            embedder.embed(text + " again");
        }
        double msPerTextAlone = (System.nanoTime() - t0) / 1e6 / alone;

        TenantId tenant = new TenantId("bench");
        long before = usedHeap();
        List<KnownVector> known = new ArrayList<>(MAPPINGS);
        for (int i = 0; i < MAPPINGS; i++) {
            QuantizedVector v = mapped(vectors, i);
            known.add(
                    new KnownVector(
                            tenant,
                            new MappingId(UUID.randomUUID()),
                            new SourceRef(
                                    new ConnectorId("connector" + (i % 50)),
                                    new SourceTable("table_" + (i / 100)),
                                    new SourceField("field_" + i)),
                            new CanonicalField(words[i % 20], words[(i / 20) % 20] + "_" + (i % 7)),
                            Optional.of(v)));
        }
        StoredEmbeddings stored =
                new StoredEmbeddings() {
                    @Override
                    public void forEachActive(String modelKey, Consumer<KnownVector> each) {
                        known.forEach(each);
                    }

                    @Override
                    public void save(
                            String modelKey, TenantId t, Map<MappingId, QuantizedVector> v) {}

                    @Override
                    public long latestChange() {
                        return 0;
                    }

                    @Override
                    public List<ChangedMapping> changedSince(
                            String modelKey, long position, int limit) {
                        return List.of();
                    }

                    @Override
                    public List<ChangedMapping> changedAt(
                            String modelKey, java.util.Collection<Long> positions) {
                        return List.of();
                    }
                };
        SemanticIndex index = new SemanticIndex(embedder, stored);
        long loadStart = System.nanoTime();
        index.rebuild();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        known.clear(); // only the index holds the entries now (the loader's wrappers go)
        index.similarMappings(
                tenant,
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("warm"),
                                new SourceTable("up"),
                                new SourceField("search")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                8); // packs the search copy
        long after = usedHeap();
        double perMapping = (after - before) / (double) MAPPINGS;

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ProposalRequest request =
                    new ProposalRequest(
                            new SourceRef(
                                    new ConnectorId("newcrm"),
                                    new SourceTable(words[i % 20] + "s"),
                                    new SourceField(
                                            words[(i * 7) % 20] + "_" + words[(i * 3) % 20])),
                            List.of(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty());
            long s = System.nanoTime();
            index.similarMappings(tenant, request, 8);
            latencies.add(System.nanoTime() - s);
        }
        long[] sorted = latencies.stream().skip(20).mapToLong(Long::longValue).sorted().toArray();
        double recall = recallOfNearest8(index, embedder, tenant, vectors, words);
        System.out.printf(
                Locale.ROOT,
                "semantic index: %,d mappings in one tenant, model %s (384 dimensions, 1 byte"
                        + " each)%n",
                index.size(),
                embedder.model());
        System.out.printf(
                Locale.ROOT,
                "  heap held by the index: %.1f MB (%.0f bytes per mapping); budget 100 MB per"
                        + " 100,000 mappings (a 384-byte slot per vector plus the mapping's"
                        + " identity)%n",
                (after - before) / 1e6,
                perMapping);
        System.out.printf(
                Locale.ROOT, "  load of stored vectors (no embedding): %d ms%n", loadMillis);
        System.out.printf(
                Locale.ROOT,
                "  embedding: %.2f ms per field text side by side (as a load or catch-up embeds"
                        + " them; %.2f ms one at a time) -> a first start without stored vectors"
                        + " embeds 100,000 mappings in ~%.0f s (background)%n",
                msPerText,
                msPerTextAlone,
                msPerText * 100_000 / 1000);
        System.out.printf(
                Locale.ROOT,
                "  nearest-8 search over %,d mappings (embedding the query included): p50 %.1f ms,"
                        + " p95 %.1f ms%n",
                index.size(),
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "  recall of the nearest 8 (%,d of them scored exactly, chosen by sign code) against a"
                        + " full exact scan, 50 queries: %.3f%n",
                SemanticIndex.scoredExactly(index.size()),
                recall);
    }

    /**
     * Mapping {@code i}'s vector: one of the distinct texts' vectors, nudged by a few levels on a
     * few dimensions (seeded by {@code i}), so that no two mappings tie and the nearest 8 of a
     * search is one well-defined set, as among real mappings' texts.
     */
    private static QuantizedVector mapped(List<QuantizedVector> distinct, int i) {
        QuantizedVector v = distinct.get(i % DISTINCT_TEXTS);
        byte[] values = v.values().clone();
        java.util.Random nudge = new java.util.Random(i);
        for (int k = 0; k < 24; k++) {
            int d = nudge.nextInt(values.length);
            values[d] = (byte) Math.max(-127, Math.min(127, values[d] + nudge.nextInt(7) - 3));
        }
        return new QuantizedVector(values, v.scale());
    }

    /**
     * Share of the exact nearest 8 (by similarity, over every mapping's vector) that the index's
     * search returns, averaged over 50 queries.
     */
    private static double recallOfNearest8(
            SemanticIndex index,
            OnnxTextEmbedder embedder,
            TenantId tenant,
            List<QuantizedVector> distinct,
            String[] words) {
        double found = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            SourceRef source =
                    new SourceRef(
                            new ConnectorId("recall"),
                            new SourceTable(words[(q * 3) % 20] + "s"),
                            new SourceField(words[(q * 11) % 20] + " " + words[(q * 7) % 20]));
            QuantizedVector query =
                    QuantizedVector.of(
                            embedder.embed(
                                    dcl.registry.domain.intelligence.EmbeddingText.ofSource(
                                            source)));
            double[] exact = new double[MAPPINGS];
            for (int i = 0; i < MAPPINGS; i++) {
                exact[i] = query.similarity(mapped(distinct, i));
            }
            java.util.Arrays.sort(exact);
            double eighth = exact[MAPPINGS - 8];
            List<dcl.registry.domain.intelligence.SimilarMapping> searched =
                    index.similarMappings(
                            tenant,
                            new ProposalRequest(
                                    source,
                                    List.of(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty()),
                            8);
            found += searched.stream().filter(s -> s.similarity() >= eighth).count() / 8.0;
        }
        return found / queries;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return r.totalMemory() - r.freeMemory();
    }
}
