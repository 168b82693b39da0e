package dcl.registry.adapters.llm.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.intelligence.StrategySettings;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The local embedding models side by side on the proposal benchmark's ground truth, with no server
 * and no network: for each model and each case, the source field's text and every canonical field's
 * text are embedded the way the index embeds them ({@link EmbeddingText}, through {@link
 * OnnxTextEmbedder}, so each model's own text convention applies), the canonical fields are ranked
 * by cosine, and the rank of the first expected field (any of {@code expected_any}, else {@code
 * expected}) gives top-1, top-3 and the mean reciprocal rank. Where a file has several connectors,
 * each field is also compared with the other connectors' fields as known mappings, against the
 * similarity thresholds the product applies. Also measured per model, in the same run: warm
 * embedding latency per text (the models taking turns), dimension, jar size, and, in a JVM of the
 * model's own, load time and the heap and resident memory the model adds. Nothing is tuned on the
 * data: the texts are the product's recipes (and one variant with the table's description).
 *
 * <p>Run: {@code ./mvnw -q -pl adapters-llm exec:java@bench-embeddings} (ground truth from {@code
 * ../shared/bench/dev} beside the clone, another with {@code -Dbench.dev.folder=DIR}).
 */
public final class EmbeddingBenchmark {
    /** Texts embedded before the clock starts, so latency is that of a warm model. */
    private static final int WARM_UP = 50;

    /** Passes over the texts, each model embedding each text once per pass. */
    private static final int TIMED_ROUNDS = 2;

    /** Texts a model's own JVM embeds before its resident memory is read again. */
    private static final int FOOTPRINT_TEXTS = 200;

    /** {@code dcl.intelligence.rag.threshold}'s default: rag-lookup answers from this up. */
    private static final double RAG_LOOKUP_THRESHOLD = StrategySettings.DEFAULT_LOOKUP_THRESHOLD;

    /** {@code RagStrategy.TRUSTED_NEIGHBOUR}: a known mapping this close proposes its target. */
    private static final double TRUSTED_NEIGHBOUR = 0.8;

    private EmbeddingBenchmark() {}

    /**
     * One source field to place, with the canonical fields that count as right, and the one its
     * mapping names when it serves as a known mapping ({@code expected}).
     */
    record Case(ProposalRequest request, Set<String> expected, String target) {}

    record Bench(String file, List<CanonicalEntity> entities, List<Case> cases) {}

    /** How the source field reads: the product's recipe, and the same with the table described. */
    enum Variant {
        PRODUCT("table + field words + \": \" + description (EmbeddingText.ofRequest)") {
            @Override
            String text(ProposalRequest request) {
                return EmbeddingText.ofRequest(request);
            }
        },
        WITH_TABLE("the same + \" (table: \" + table description + \")\"") {
            @Override
            String text(ProposalRequest request) {
                return EmbeddingText.ofRequest(request)
                        + request.tableDescription().map(d -> " (table: " + d + ")").orElse("");
            }
        };

        final String recipe;

        Variant(String recipe) {
            this.recipe = recipe;
        }

        abstract String text(ProposalRequest request);
    }

    /** Hits and reciprocal ranks over some cases. */
    static final class Score {
        int cases;
        int top1;
        int top3;
        double reciprocalRanks;
        double expectedSimilarity;
        double allSimilarity;

        void add(int rank, double expected, double meanOfAll) {
            cases++;
            top1 += rank == 1 ? 1 : 0;
            top3 += rank <= 3 ? 1 : 0;
            reciprocalRanks += 1.0 / rank;
            expectedSimilarity += expected;
            allSimilarity += meanOfAll;
        }

        void add(Score other) {
            cases += other.cases;
            top1 += other.top1;
            top3 += other.top3;
            reciprocalRanks += other.reciprocalRanks;
            expectedSimilarity += other.expectedSimilarity;
            allSimilarity += other.allSimilarity;
        }

        double top1() {
            return (double) top1 / cases;
        }

        double top3() {
            return (double) top3 / cases;
        }

        double mrr() {
            return reciprocalRanks / cases;
        }
    }

    /** Right answers and look-alikes above a threshold among known mappings. */
    static final class Neighbours {
        int cases;
        int nearestRight;
        int answeredAtLookup;
        int wrongAtLookup;
        int trusted;
        int wrongTrusted;

        double share(int count) {
            return cases == 0 ? 0 : (double) count / cases;
        }
    }

    /** What one model scored and cost. */
    static final class Result {
        final LocalEmbeddingModel model;
        final Map<Variant, Map<String, Score>> scores = new LinkedHashMap<>();
        final Neighbours neighbours = new Neighbours();
        final List<Double> latenciesMs = new ArrayList<>();
        final Map<String, float[]> vectors = new HashMap<>();
        OnnxTextEmbedder embedder;
        Footprint footprint;
        long jarBytes;
        int dimension;

        Result(LocalEmbeddingModel model) {
            this.model = model;
        }

        Score overall(Variant variant) {
            Score all = new Score();
            scores.get(variant).values().forEach(all::add);
            return all;
        }

        double meanOfFiles(Variant variant, Function<Score, Double> measure) {
            return scores.get(variant).values().stream()
                    .mapToDouble(measure::apply)
                    .average()
                    .orElse(0);
        }

        float[] vector(String text) {
            return vectors.computeIfAbsent(text, embedder::embed);
        }
    }

    /**
     * What loading a model costs, measured in a JVM of its own that had loaded only the shared
     * runtime: no model pays for another's class loading, JIT or heap growth.
     */
    record Footprint(
            boolean ownJvm,
            double runtimeMs,
            long runtimeRss,
            double loadMs,
            long heapBytes,
            long rssBytes,
            long rssWarmBytes) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "FOOTPRINT %.3f %d %.3f %d %d %d",
                    runtimeMs,
                    runtimeRss,
                    loadMs,
                    heapBytes,
                    rssBytes,
                    rssWarmBytes);
        }

        static Optional<Footprint> parse(String line) {
            if (!line.startsWith("FOOTPRINT ")) {
                return Optional.empty();
            }
            String[] f = line.substring("FOOTPRINT ".length()).trim().split(" ");
            return Optional.of(
                    new Footprint(
                            true,
                            Double.parseDouble(f[0]),
                            Long.parseLong(f[1]),
                            Double.parseDouble(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5])));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--footprint")) {
            System.out.println(footprint(LocalEmbeddingModel.parse(args[1]).orElseThrow()).line());
            return;
        }
        Path folder =
                Path.of(
                        System.getProperty(
                                "bench.dev",
                                System.getProperty("bench.dev.folder", "../shared/bench/dev")));
        List<Bench> benches = read(folder);
        int cases = benches.stream().mapToInt(b -> b.cases().size()).sum();
        System.out.printf(
                Locale.ROOT,
                "Embedding models on %s: %d files, %d cases%n",
                folder.toAbsolutePath().normalize(),
                benches.size(),
                cases);

        loadSharedRuntime();
        List<Result> results = new ArrayList<>();
        for (LocalEmbeddingModel model : LocalEmbeddingModel.values()) {
            Result result = new Result(model);
            result.embedder = new OnnxTextEmbedder(model);
            double loadMs = timeMs(result.embedder::loaded);
            result.jarBytes = jarSize(result.embedder.loaded().getClass());
            score(result, benches);
            result.footprint =
                    inOwnJvm(model).orElseGet(() -> new Footprint(false, 0, 0, loadMs, -1, -1, -1));
            results.add(result);
        }
        time(results);
        print(results, benches);
    }

    /** Accuracy: canonical fields ranked for each case, and known mappings as neighbours. */
    private static void score(Result result, List<Bench> benches) {
        for (Variant variant : Variant.values()) {
            result.scores.put(variant, new LinkedHashMap<>());
        }
        for (Bench bench : benches) {
            Map<String, float[]> canonical = new LinkedHashMap<>();
            for (CanonicalEntity entity : bench.entities()) {
                for (CanonicalFieldDefinition field : entity.fields()) {
                    canonical.put(
                            entity.name() + "." + field.name(),
                            result.vector(EmbeddingText.ofCanonical(entity, field)));
                }
            }
            for (Variant variant : Variant.values()) {
                Score score = new Score();
                for (Case c : bench.cases()) {
                    rank(result.vector(variant.text(c.request())), canonical, c.expected(), score);
                }
                result.scores.get(variant).put(bench.file(), score);
            }
            neighbours(result, bench);
        }
        result.dimension = result.vectors.values().iterator().next().length;
    }

    /**
     * Leave one connector out: each field against the other connectors' fields of its file, mapped
     * as the ground truth says (what the index holds as ACTIVE mappings), compared as the index
     * compares them ({@link EmbeddingText#ofSource}, quantized). Counts how often the nearest is
     * right, and how often a wrong one reaches the thresholds the product applies to this
     * similarity: 0.85 ({@code dcl.intelligence.rag.threshold}, rag-lookup answers) and 0.8 (the
     * rag strategy's trusted neighbour, {@code RagStrategy.TRUSTED_NEIGHBOUR}).
     */
    private static void neighbours(Result result, Bench bench) {
        Set<String> connectors = new LinkedHashSet<>();
        bench.cases().forEach(c -> connectors.add(c.request().source().connector().value()));
        if (connectors.size() < 2) {
            return;
        }
        Map<Case, QuantizedVector> vectors = new LinkedHashMap<>();
        bench.cases()
                .forEach(
                        c ->
                                vectors.put(
                                        c,
                                        QuantizedVector.of(
                                                result.vector(
                                                        EmbeddingText.ofSource(
                                                                c.request().source())))));
        Neighbours n = result.neighbours;
        for (Case c : bench.cases()) {
            Case nearest = null;
            double best = -1;
            for (Case known : bench.cases()) {
                if (known.request().source().connector().equals(c.request().source().connector())) {
                    continue;
                }
                double similarity = vectors.get(c).similarity(vectors.get(known));
                if (similarity > best) {
                    best = similarity;
                    nearest = known;
                }
            }
            if (nearest == null) {
                continue;
            }
            boolean right = c.expected().contains(nearest.target());
            n.cases++;
            n.nearestRight += right ? 1 : 0;
            if (best >= RAG_LOOKUP_THRESHOLD) {
                n.answeredAtLookup++;
                n.wrongAtLookup += right ? 0 : 1;
            }
            if (best >= TRUSTED_NEIGHBOUR) {
                n.trusted++;
                n.wrongTrusted += right ? 0 : 1;
            }
        }
    }

    /**
     * Warm latency per text, the models taking turns text by text over every text the scoring
     * embedded (each model starting the turn in rotation), so whatever else the machine does falls
     * on all of them alike.
     */
    private static void time(List<Result> results) {
        List<String> texts = new ArrayList<>(results.get(0).vectors.keySet());
        for (Result r : results) {
            for (int i = 0; i < WARM_UP; i++) {
                r.embedder.embed(texts.get(i % texts.size()));
            }
        }
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            for (int i = 0; i < texts.size(); i++) {
                for (int k = 0; k < results.size(); k++) {
                    Result r = results.get((i + k) % results.size());
                    String text = texts.get(i);
                    r.latenciesMs.add(timeMs(() -> r.embedder.embed(text)));
                }
            }
        }
    }

    private static double timeMs(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }

    /** In a JVM of this one's class path: the shared runtime, then the model, then warm texts. */
    private static Optional<Footprint> inOwnJvm(LocalEmbeddingModel model) {
        try {
            Process child =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    classPath(),
                                    EmbeddingBenchmark.class.getName(),
                                    "--footprint",
                                    model.label())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0) {
                return Optional.empty();
            }
            return out.lines().map(Footprint::parse).flatMap(Optional::stream).findFirst();
        } catch (IOException failed) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** exec:java runs this in a class loader of the module's test class path, not on java's own. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    // not a local file: the child cannot use it either
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static Footprint footprint(LocalEmbeddingModel model) {
        long rss0 = residentBytes();
        double runtimeMs = timeMs(EmbeddingBenchmark::loadSharedRuntimeUnchecked);
        long heap1 = usedHeap();
        long rss1 = residentBytes();
        OnnxTextEmbedder embedder = new OnnxTextEmbedder(model);
        double loadMs = timeMs(embedder::loaded);
        long heap2 = usedHeap();
        long rss2 = residentBytes();
        for (int i = 0; i < FOOTPRINT_TEXTS; i++) {
            embedder.embed(
                    "table "
                            + i
                            + " field "
                            + (i * 7 % 13)
                            + ": what the field of this table holds, number "
                            + i);
        }
        usedHeap();
        long rss3 = residentBytes();
        return new Footprint(
                true, runtimeMs, rss1 - rss0, loadMs, heap2 - heap1, rss2 - rss1, rss3 - rss1);
    }

    /**
     * Ranks the canonical fields by cosine (ties by name, as the index breaks them) and scores the
     * first expected one.
     */
    private static void rank(
            float[] query, Map<String, float[]> canonical, Set<String> expected, Score score) {
        Map<String, Double> similarity = new HashMap<>();
        canonical.forEach((name, v) -> similarity.put(name, cosine(query, v)));
        List<String> ranked =
                similarity.keySet().stream()
                        .sorted(
                                Comparator.comparing((String n) -> similarity.get(n))
                                        .reversed()
                                        .thenComparing(Comparator.naturalOrder()))
                        .toList();
        int rank = 1;
        while (rank <= ranked.size() && !expected.contains(ranked.get(rank - 1))) {
            rank++;
        }
        if (rank > ranked.size()) {
            throw new IllegalStateException("expected " + expected + " is not a canonical field");
        }
        double meanOfAll =
                similarity.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        score.add(rank, similarity.get(ranked.get(rank - 1)), meanOfAll);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static void print(List<Result> results, List<Bench> benches) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-46s", ""));
        results.forEach(r -> header.append(String.format(Locale.ROOT, "%20s", r.model.label())));
        String line = "-".repeat(header.length());
        System.out.println();
        System.out.println(header);
        System.out.println(line);
        int all = benches.stream().mapToInt(b -> b.cases().size()).sum();
        for (Variant variant : Variant.values()) {
            System.out.println("canonical fields ranked by cosine; source text: " + variant.recipe);
            for (Bench bench : benches) {
                String name = bench.file().replace(".json", "") + " (" + bench.cases().size() + ")";
                Function<Result, Score> score = r -> r.scores.get(variant).get(bench.file());
                row(results, "  " + name + " top-1", r -> score.apply(r).top1());
                row(results, "  " + name + " top-3", r -> score.apply(r).top3());
                row(results, "  " + name + " MRR", r -> score.apply(r).mrr());
            }
            row(results, "  overall (" + all + " cases) top-1", r -> r.overall(variant).top1());
            row(results, "  overall (" + all + " cases) top-3", r -> r.overall(variant).top3());
            row(results, "  overall (" + all + " cases) MRR", r -> r.overall(variant).mrr());
            row(results, "  mean of the files' MRR", r -> r.meanOfFiles(variant, Score::mrr));
            row(
                    results,
                    "  mean cosine: expected field",
                    r -> r.overall(variant).expectedSimilarity / r.overall(variant).cases);
            row(
                    results,
                    "  mean cosine: all canonical fields",
                    r -> r.overall(variant).allSimilarity / r.overall(variant).cases);
            System.out.println(line);
        }
        int withNeighbours = results.get(0).neighbours.cases;
        System.out.println(
                "known mappings of the other connectors (leave one connector out, "
                        + withNeighbours
                        + " cases; source words only, quantized)");
        row(
                results,
                "  nearest known mapping is right",
                r -> r.neighbours.share(r.neighbours.nearestRight));
        row(
                results,
                "  nearest >= 0.85 (rag-lookup answers)",
                r -> r.neighbours.share(r.neighbours.answeredAtLookup));
        row(results, "    ...and it is wrong", r -> r.neighbours.share(r.neighbours.wrongAtLookup));
        row(
                results,
                "  nearest >= 0.8 (rag trusts the neighbour)",
                r -> r.neighbours.share(r.neighbours.trusted));
        row(results, "    ...and it is wrong", r -> r.neighbours.share(r.neighbours.wrongTrusted));
        System.out.println(line);
        System.out.println("cost");
        row(results, "  load time (ms, own JVM)", r -> r.footprint.loadMs(), "%20.0f");
        row(results, "  embedding, mean (ms per text, warm)", r -> mean(r.latenciesMs), "%20.2f");
        row(
                results,
                "  embedding, median (ms per text, warm)",
                r -> percentile(r.latenciesMs, 0.5),
                "%20.2f");
        row(
                results,
                "  embedding, p95 (ms per text, warm)",
                r -> percentile(r.latenciesMs, 0.95),
                "%20.2f");
        row(results, "  texts timed", r -> (double) r.latenciesMs.size(), "%20.0f");
        row(results, "  dimension", r -> (double) r.dimension, "%20.0f");
        row(results, "  jar size (MB)", r -> r.jarBytes / 1e6, "%20.1f");
        row(
                results,
                "  heap increase after load (MB, own JVM)",
                r -> r.footprint.heapBytes() / 1e6,
                "%20.2f");
        row(
                results,
                "  RSS increase after load (MB, own JVM)",
                r -> r.footprint.rssBytes() / 1e6,
                "%20.1f");
        row(
                results,
                "  RSS increase after " + FOOTPRINT_TEXTS + " texts (MB, own JVM)",
                r -> r.footprint.rssWarmBytes() / 1e6,
                "%20.1f");
        System.out.println(line);
        results.stream()
                .filter(r -> !r.footprint.ownJvm())
                .forEach(
                        r ->
                                System.out.println(
                                        r.model.label()
                                                + ": no JVM of its own could be started; load time"
                                                + " measured here, memory not measured"));
        results.stream()
                .map(r -> r.footprint)
                .filter(Footprint::ownJvm)
                .findFirst()
                .ifPresent(
                        f ->
                                System.out.printf(
                                        Locale.ROOT,
                                        "shared by every model, loaded before it in each JVM (ONNX"
                                                + " Runtime, the tokenizer's native library): %.0f"
                                                + " ms, RSS %+.1f MB%n",
                                        f.runtimeMs(),
                                        f.runtimeRss() / 1e6));
        System.out.printf(
                Locale.ROOT,
                "Java %s, %d cores; latency: the models took turns text by text, %d rounds over the"
                        + " %d texts scored%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                TIMED_ROUNDS,
                results.get(0).vectors.size());
        Result best =
                results.stream()
                        .max(Comparator.comparingDouble(r -> r.overall(Variant.PRODUCT).mrr()))
                        .orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "best overall MRR with the product's text: %s (%.3f)%n",
                best.model.label(),
                best.overall(Variant.PRODUCT).mrr());
    }

    private static void row(List<Result> results, String label, Function<Result, Double> value) {
        row(results, label, value, "%20.3f");
    }

    private static void row(
            List<Result> results, String label, Function<Result, Double> value, String format) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-44s", label));
        results.forEach(r -> out.append(String.format(Locale.ROOT, format, value.apply(r))));
        System.out.println(out);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static void loadSharedRuntimeUnchecked() {
        try {
            loadSharedRuntime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadSharedRuntime() throws IOException {
        OrtEnvironment.getEnvironment();
        String tokenizer = "/all-minilm-l6-v2-q-tokenizer.json";
        try (InputStream json = EmbeddingBenchmark.class.getResourceAsStream(tokenizer)) {
            if (json == null) {
                throw new IllegalStateException(tokenizer + " not on the class path");
            }
            try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(json, Map.of())) {
                t.tokenize("warm up");
            }
        }
    }

    private static long jarSize(Class<?> modelClass) {
        try {
            return Files.size(
                    Path.of(
                            modelClass
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI()));
        } catch (IOException | URISyntaxException | RuntimeException unknown) {
            return -1;
        }
    }

    /** Heap in use once the garbage is collected. */
    @SuppressWarnings("SystemGc") // measuring what stays reachable
    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** The process's resident set (VmRSS), in bytes; 0 where /proc is not available. */
    private static long residentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(kb -> Long.parseLong(kb) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException notLinux) {
            return 0;
        }
    }

    private static List<Bench> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.json in " + folder.toAbsolutePath());
        }
        List<Bench> benches = new ArrayList<>();
        for (Path file : files) {
            JsonObject bench;
            try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
                bench = reader.readObject();
            }
            JsonObject entities = bench.getJsonObject("canonical").getJsonObject("entities");
            List<CanonicalEntity> schema = new ArrayList<>();
            for (String entity : entities.keySet()) {
                List<CanonicalFieldDefinition> fields = new ArrayList<>();
                for (JsonValue f : entities.getJsonArray(entity)) {
                    JsonObject field = f.asJsonObject();
                    fields.add(
                            new CanonicalFieldDefinition(
                                    field.getString("name"),
                                    optional(field, "type"),
                                    optional(field, "description")));
                }
                schema.add(new CanonicalEntity(entity, Optional.empty(), fields));
            }
            List<Case> cases = new ArrayList<>();
            for (JsonValue v : bench.getJsonArray("cases")) {
                JsonObject c = v.asJsonObject();
                Set<String> expected = new LinkedHashSet<>();
                if (c.containsKey("expected_any")) {
                    c.getJsonArray("expected_any")
                            .forEach(e -> expected.add(((JsonString) e).getString()));
                } else {
                    expected.add(c.getString("expected"));
                }
                List<String> samples =
                        c.containsKey("samples")
                                ? c.getJsonArray("samples").stream()
                                        .map(
                                                s ->
                                                        s.getValueType()
                                                                        == JsonValue.ValueType
                                                                                .STRING
                                                                ? ((JsonString) s).getString()
                                                                : s.toString())
                                        .toList()
                                : List.of();
                cases.add(
                        new Case(
                                new ProposalRequest(
                                        new SourceRef(
                                                new ConnectorId(c.getString("connector")),
                                                new SourceTable(c.getString("table")),
                                                new SourceField(c.getString("field"))),
                                        samples,
                                        optional(c, "description"),
                                        optional(c, "table_description"),
                                        optional(c, "type")),
                                expected,
                                c.getString("expected")));
            }
            benches.add(new Bench(file.getFileName().toString(), schema, cases));
        }
        return benches;
    }

    private static Optional<String> optional(JsonObject object, String key) {
        return object.containsKey(key) && !object.isNull(key)
                ? Optional.of(object.getString(key))
                : Optional.empty();
    }
}
