package dcl.registry.bench.ranker;

import dcl.registry.application.TenantRankingModels;
import dcl.registry.domain.intelligence.LearnedStrategy;
import dcl.registry.domain.intelligence.MatchFeature;
import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.port.out.TextEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trains the global re-ranker shipped with the service, offline, on the hand-assembled public
 * corpus (server-config/src/test/resources/ranker-training: never the dev set, never published
 * matching benchmarks), and writes it to the domain's resources. Prints how well a model trained on
 * the other families ranks each held-out family (the honest estimate), also with its fields sent as
 * names and descriptions only, then, for measuring only, the dev set's figures.
 *
 * <p>Run: {@code ./mvnw -q -pl server-config exec:java@train-ranker} (after {@code install}).
 * Settings: {@code ranker.output} (the domain's shipped model file), {@code ranker.corpus}, {@code
 * bench.dev}, {@code ranker.pull} (0.002: how strongly the weights are held to the prior, to
 * compare on the held-out families without editing the trainer).
 */
public final class RankerTraining {
    static final double PULL = Double.parseDouble(System.getProperty("ranker.pull", "0.002"));
    static final int ITERATIONS = 400;
    static final double ABSTAIN_BELOW = 0.5;

    /**
     * The one table a sibling's fields arrive in when its tables say nothing (a flat study export):
     * then only what is known of the same-named fields tells their entity.
     */
    static final String EXPORT_TABLE = "export";

    private RankerTraining() {}

    public static void main(String[] args) throws Exception {
        Path corpus =
                Path.of(System.getProperty("ranker.corpus", "src/test/resources/ranker-training"));
        Path output =
                Path.of(
                        System.getProperty(
                                "ranker.output",
                                "../domain/src/main/resources/dcl/registry/domain/intelligence/global-ranker.properties"));
        Path dev = Path.of(System.getProperty("bench.dev", "../../shared/bench/dev"));
        OfflineEvidence evidence = new OfflineEvidence(embedder());
        List<MatchingFamily> families = MatchingFamily.load(corpus);
        Map<String, List<RankingModel.Example>> byFamily = new TreeMap<>();
        for (MatchingFamily family : families) {
            byFamily.put(family.name(), examples(evidence, family));
        }
        System.out.printf(
                Locale.ROOT,
                "training corpus: %d families, %d examples%n",
                families.size(),
                byFamily.values().stream().mapToInt(List::size).sum());

        Scores heldOut = new Scores(ABSTAIN_BELOW);
        List<HeldOut> predictions = new ArrayList<>();
        for (MatchingFamily family : families) {
            List<RankingModel.Example> others = new ArrayList<>();
            byFamily.forEach(
                    (name, e) -> {
                        if (!name.equals(family.name())) {
                            others.addAll(e);
                        }
                    });
            RankingModel model = fit(others);
            List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> fields =
                    measured(evidence, family);
            Scores s = scored(model, fields);
            System.out.println(s.line("held out " + family.name()));
            heldOut.add(s);
            predictions.add(new HeldOut(model, fields));
        }
        System.out.println(heldOut.line("held out, every family"));
        Calibration calibration = Calibration.fit(predictions);
        List<HeldOut> calibrated =
                predictions.stream()
                        .map(h -> new HeldOut(calibration.apply(h.model()), h.measured()))
                        .toList();
        System.out.println(
                scored(calibrated, ABSTAIN_BELOW).line("held out, every family, " + calibration));
        System.out.println(
                "abstention threshold (dcl.intelligence.learned.abstain-below), held out,"
                        + " calibrated:");
        System.out.println(
                "  below  unmatched abstained  matched abstained  top-1 answered  right when"
                        + " answered");
        for (double threshold : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
            System.out.println(scored(calibrated, threshold).abstentionLine());
        }
        // many callers (and the dev set's OMOP and Sakila files) send no sample values
        Scores namesOnly = new Scores(ABSTAIN_BELOW);
        for (int i = 0; i < families.size(); i++) {
            namesOnly.add(
                    scored(
                            calibrated.get(i).model(),
                            measured(evidence, families.get(i), MatchingFamily.Field::namesOnly)));
        }
        System.out.println(namesOnly.line("held out, names and descriptions only, calibrated"));
        System.out.print(namesOnly.reliability());
        Scores heldOutWarm = new Scores(ABSTAIN_BELOW);
        for (int i = 0; i < families.size(); i++) {
            MatchingFamily family = families.get(i);
            if (family.connectors().size() > 1) {
                Scores w = measureWarm(evidence, family, calibrated.get(i).model());
                System.out.println(w.line("held out warm " + family.name()));
                heldOutWarm.add(w);
            }
        }
        System.out.println(heldOutWarm.line("held out warm, every family, calibrated"));
        Scores drift = new Scores(ABSTAIN_BELOW);
        for (int i = 0; i < families.size(); i++) {
            drift.add(measureDrift(evidence, families.get(i), calibrated.get(i).model()));
        }
        System.out.println(drift.line("held out, new fields of mapped tables"));
        Scores sibling = new Scores(ABSTAIN_BELOW);
        Scores siblingElsewhere = new Scores(ABSTAIN_BELOW);
        for (int i = 0; i < families.size(); i++) {
            MatchingFamily family = families.get(i);
            List<MatchingFamily.Field> known = siblingsKnown(family);
            RankingModel tenant = tenantModel(evidence, family, known, calibrated.get(i).model());
            sibling.add(measureSibling(evidence, family, known, tenant, f -> f));
            siblingElsewhere.add(
                    measureSibling(evidence, family, known, tenant, f -> f.inTable(EXPORT_TABLE)));
        }
        System.out.println(sibling.line("held out sibling, calibrated"));
        System.out.println(siblingElsewhere.line("held out sibling, one export table"));

        RankingModel global =
                calibration.apply(fit(byFamily.values().stream().flatMap(List::stream).toList()));
        write(global, output, families, calibration);
        System.out.println("wrote " + output.normalize() + ": " + global.asProperties());

        if (Files.isDirectory(dev)) {
            System.out.println("\ndev set (measuring only):");
            Scores all = new Scores(ABSTAIN_BELOW);
            Scores allWarm = new Scores(ABSTAIN_BELOW);
            for (MatchingFamily family : MatchingFamily.load(dev)) {
                Scores s = measure(evidence, family, global);
                System.out.println(s.line("cold " + family.name()));
                all.add(s);
                if (family.connectors().size() > 1) {
                    Scores w = measureWarm(evidence, family, global);
                    System.out.println(w.line("warm " + family.name()));
                    allWarm.add(w);
                }
            }
            System.out.println(all.line("cold dev overall"));
            System.out.println(allWarm.line("warm dev overall"));
            System.out.print(all.reliability());
        }
    }

    /** The service's embedding model, without the service's tracing (no server here). */
    static TextEmbedder embedder() {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        return new TextEmbedder() {
            @Override
            public String model() {
                return "all-minilm-l6-v2-q";
            }

            @Override
            public float[] embed(String text) {
                return model.embed(text).content().vector();
            }
        };
    }

    static RankingModel fit(List<RankingModel.Example> examples) {
        RankingModel zero = new RankingModel(new double[MatchFeature.count()], 0, "zero");
        return RankingModel.fit(
                examples,
                zero,
                PULL,
                ITERATIONS,
                "global-" + LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /**
     * What the model learns from in a family: what was observed, and the two situations a tenant
     * meets most that the assembled families lack (their canonical names were chosen unlike every
     * source's, and their connectors name things differently): a canonical model modelled on one of
     * its sources, the other connectors' fields proposed against it; and a sibling of a known
     * connector (the same system in another study or org), its fields proposed while that
     * connector's mappings are known.
     */
    static List<RankingModel.Example> examples(OfflineEvidence evidence, MatchingFamily family) {
        List<RankingModel.Example> examples = new ArrayList<>(observed(evidence, family));
        String primary = family.connectors().get(0);
        MatchingFamily modelled = family.modelledOn(primary);
        for (MatchingFamily.Field field : modelled.cases()) {
            if (!field.connector().equals(primary)) {
                examples.add(example(evidence.evaluate(modelled, field, List.of()), field));
            }
        }
        for (MatchingFamily.Field field : family.siblingOf(primary)) {
            examples.add(example(evidence.evaluate(family, field, family.cases()), field));
        }
        return examples;
    }

    /**
     * The family as assembled: cold examples for every case and unmatched field, warm ones (the
     * other connectors known) for every case, and for every third case the same field with its
     * right targets taken out of the candidates (a field whose counterpart the model lacks: "none"
     * is right).
     */
    static List<RankingModel.Example> observed(OfflineEvidence evidence, MatchingFamily family) {
        List<RankingModel.Example> examples = new ArrayList<>();
        int n = 0;
        for (MatchingFamily.Field field : family.cases()) {
            LearnedStrategy.Evaluation e = evidence.evaluate(family, field, List.of());
            examples.add(example(e, field));
            if (n++ % 3 == 0) {
                examples.add(withoutRight(e, field));
            }
        }
        for (MatchingFamily.Field field : family.unmatched()) {
            examples.add(example(evidence.evaluate(family, field, List.of()), field));
        }
        if (family.connectors().size() > 1) {
            for (String connector : family.connectors()) {
                List<MatchingFamily.Field> known =
                        family.cases().stream()
                                .filter(c -> !c.connector().equals(connector))
                                .toList();
                for (MatchingFamily.Field field : family.cases()) {
                    if (field.connector().equals(connector)) {
                        examples.add(example(evidence.evaluate(family, field, known), field));
                    }
                }
                for (MatchingFamily.Field field : family.unmatched()) {
                    if (field.connector().equals(connector)) {
                        examples.add(example(evidence.evaluate(family, field, known), field));
                    }
                }
            }
        }
        return examples;
    }

    private static RankingModel.Example example(
            LearnedStrategy.Evaluation e, MatchingFamily.Field field) {
        return e.example(field.right());
    }

    private static RankingModel.Example withoutRight(
            LearnedStrategy.Evaluation e, MatchingFamily.Field field) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < e.targets().size(); i++) {
            if (!field.right().contains(e.targets().get(i))) {
                kept.add(e.features()[i]);
            }
        }
        return new RankingModel.Example(kept.toArray(double[][]::new), new boolean[kept.size()]);
    }

    /** The fields a family is measured on cold, and their evidence. */
    static List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> measured(
            OfflineEvidence evidence, MatchingFamily family) {
        return measured(evidence, family, UnaryOperator.identity());
    }

    /** The same, each field first changed by {@code asSent} (what a caller sends of it). */
    static List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> measured(
            OfflineEvidence evidence,
            MatchingFamily family,
            UnaryOperator<MatchingFamily.Field> asSent) {
        List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> fields =
                new ArrayList<>();
        for (MatchingFamily.Field field :
                Stream.concat(family.cases().stream(), family.unmatched().stream())
                        .map(asSent)
                        .toList()) {
            fields.add(Map.entry(field, evidence.evaluate(family, field, List.of())));
        }
        return fields;
    }

    /** A family's fields as weighed by a model that never saw the family. */
    record HeldOut(
            RankingModel model,
            List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> measured) {}

    /**
     * Temperature scaling for families the model has not seen: every score divided by {@code
     * temperature} and "none" moved by {@code noneShift}, the pair that makes the held-out
     * families' answers most likely (each family weighed by the model trained without it). A model
     * trained on all families is sure of what it saw; this is how sure it should be of what it did
     * not.
     */
    record Calibration(double temperature, double noneShift) {
        static Calibration fit(List<HeldOut> predictions) {
            Calibration best = new Calibration(1, 0);
            double bestLoss = Double.MAX_VALUE;
            for (int t = 0; t <= 30; t++) {
                for (int b = 0; b <= 16; b++) {
                    Calibration c = new Calibration(0.5 + t * 0.05, -2 + b * 0.25);
                    double loss = 0;
                    for (HeldOut h : predictions) {
                        RankingModel m = c.apply(h.model());
                        for (var f : h.measured()) {
                            loss += negativeLogLikelihood(m, f.getValue(), f.getKey());
                        }
                    }
                    if (loss < bestLoss) {
                        bestLoss = loss;
                        best = c;
                    }
                }
            }
            return best;
        }

        RankingModel apply(RankingModel model) {
            double[] w = new double[MatchFeature.count()];
            for (MatchFeature f : MatchFeature.values()) {
                w[f.index()] = model.weight(f) / temperature;
            }
            return new RankingModel(w, model.none() / temperature + noneShift, model.version());
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "calibrated out of family: temperature %.2f, none shifted by %+.2f",
                    temperature,
                    noneShift);
        }
    }

    private static double negativeLogLikelihood(
            RankingModel model, LearnedStrategy.Evaluation e, MatchingFamily.Field field) {
        double[] p = model.probabilities(e.features());
        double right = 0;
        double none = 1;
        for (int i = 0; i < p.length; i++) {
            none -= p[i];
            if (field.right().contains(e.targets().get(i))) {
                right += p[i];
            }
        }
        return -Math.log(Math.max(1e-12, field.right().isEmpty() ? none : right));
    }

    /** Cold for every family; warm (leave one connector out) too where it has several. */
    static Scores measure(OfflineEvidence evidence, MatchingFamily family, RankingModel model) {
        return scored(model, measured(evidence, family));
    }

    /** Every held-out family's fields as weighed by its own model, together. */
    static Scores scored(List<HeldOut> heldOut, double abstainBelow) {
        Scores s = new Scores(abstainBelow);
        heldOut.forEach(h -> s.add(scored(h.model(), h.measured(), abstainBelow)));
        return s;
    }

    /** The scores of a model over fields already evaluated. */
    static Scores scored(
            RankingModel model,
            List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> measured) {
        return scored(model, measured, ABSTAIN_BELOW);
    }

    static Scores scored(
            RankingModel model,
            List<Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation>> measured,
            double abstainBelow) {
        Scores s = new Scores(abstainBelow);
        for (Map.Entry<MatchingFamily.Field, LearnedStrategy.Evaluation> f : measured) {
            score(s, model, f.getValue(), f.getKey());
        }
        return s;
    }

    /** Each connector of a family proposed while the others are known (a new connector). */
    static Scores measureWarm(
            OfflineEvidence evidence, MatchingFamily family, RankingModel global) {
        Scores s = new Scores(ABSTAIN_BELOW);
        for (String connector : family.connectors()) {
            Map<Boolean, List<MatchingFamily.Field>> arrivingOrKnown =
                    family.cases().stream()
                            .collect(
                                    Collectors.partitioningBy(
                                            c -> c.connector().equals(connector)));
            scoreArriving(
                    s,
                    evidence,
                    family,
                    arrivingOrKnown.get(false),
                    arrivingOrKnown.get(true),
                    global);
        }
        return s;
    }

    /** Parts a family's cases are cut into to simulate new fields arriving among known ones. */
    static final int DRIFT_PARTS = 5;

    /**
     * New fields of tables already mapped (a source's schema drifting): each fifth of a family's
     * cases proposed while the other four fifths are known, ranked by the tenant's model.
     */
    static Scores measureDrift(
            OfflineEvidence evidence, MatchingFamily family, RankingModel global) {
        Scores s = new Scores(ABSTAIN_BELOW);
        List<MatchingFamily.Field> cases = family.cases();
        for (int part = 0; part < DRIFT_PARTS; part++) {
            List<MatchingFamily.Field> known = new ArrayList<>();
            List<MatchingFamily.Field> arriving = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                (i % DRIFT_PARTS == part ? arriving : known).add(cases.get(i));
            }
            scoreArriving(s, evidence, family, known, arriving, global);
        }
        return s;
    }

    /** The arriving fields proposed while the known ones are, ranked by the tenant's model. */
    private static void scoreArriving(
            Scores s,
            OfflineEvidence evidence,
            MatchingFamily family,
            List<MatchingFamily.Field> known,
            List<MatchingFamily.Field> arriving,
            RankingModel global) {
        RankingModel model = tenantModel(evidence, family, known, global);
        for (MatchingFamily.Field field : arriving) {
            score(s, model, evidence.evaluate(family, field, known), field);
        }
    }

    /**
     * The model a tenant knowing {@code known} ranks with: the global one, adjusted to the known
     * mappings as the service adjusts it ({@link TenantRankingModels}).
     */
    static RankingModel tenantModel(
            OfflineEvidence evidence,
            MatchingFamily family,
            List<MatchingFamily.Field> known,
            RankingModel global) {
        if (known.size() < TenantRankingModels.MIN_EXAMPLES) {
            return global;
        }
        List<RankingModel.Example> tenant = new ArrayList<>();
        for (MatchingFamily.Field k : known) {
            List<MatchingFamily.Field> others = known.stream().filter(o -> !o.equals(k)).toList();
            tenant.add(example(evidence.evaluate(family, k, others), k));
        }
        return TenantRankingModels.adjusted(global, tenant, "tenant");
    }

    /** What a tenant meeting a sibling of the family's first connector knows: that connector. */
    static List<MatchingFamily.Field> siblingsKnown(MatchingFamily family) {
        String primary = family.connectors().get(0);
        return family.cases().stream().filter(c -> c.connector().equals(primary)).toList();
    }

    /**
     * A sibling of a family's first connector (the same system in another study or org, its names
     * restyled) proposed while that connector's mappings ({@code known}) are known, ranked by the
     * tenant's {@code model}; {@code placed} puts each field in the table it arrives in.
     */
    static Scores measureSibling(
            OfflineEvidence evidence,
            MatchingFamily family,
            List<MatchingFamily.Field> known,
            RankingModel model,
            UnaryOperator<MatchingFamily.Field> placed) {
        Scores s = new Scores(ABSTAIN_BELOW);
        for (MatchingFamily.Field field : family.siblingOf(family.connectors().get(0))) {
            MatchingFamily.Field sibling = placed.apply(field);
            score(s, model, evidence.evaluate(family, sibling, known), sibling);
        }
        return s;
    }

    static void score(
            Scores s,
            RankingModel model,
            LearnedStrategy.Evaluation e,
            MatchingFamily.Field field) {
        double[] p = model.probabilities(e.features());
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
        double[] sorted = new double[p.length];
        boolean[] right = new boolean[p.length];
        for (int k = 0; k < p.length; k++) {
            sorted[k] = p[order[k]];
            right[k] = field.right().contains(e.targets().get(order[k]));
        }
        s.add(sorted, right, !field.right().isEmpty());
    }

    private static void write(
            RankingModel model, Path output, List<MatchingFamily> families, Calibration calibration)
            throws Exception {
        StringBuilder header = new StringBuilder();
        header.append("# The global re-ranker of the learned proposal strategy (RankingModel).\n");
        header.append(
                "# Written by ./mvnw -q -pl server-config exec:java@train-ranker; do not edit.\n");
        header.append(
                "# Trained on the hand-assembled public corpus server-config/src/test/resources/ranker-training:\n");
        for (MatchingFamily f : families) {
            header.append(
                    String.format(
                            Locale.ROOT,
                            "#   %s: %d cases, %d unmatched%n",
                            f.name(),
                            f.cases().size(),
                            f.unmatched().size()));
        }
        header.append("# ").append(calibration).append(" (fitted on the held-out families)\n");
        try (Writer w = Files.newBufferedWriter(output)) {
            w.write(header.toString());
            for (var e : new TreeMap<>(model.asProperties()).entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }
}
