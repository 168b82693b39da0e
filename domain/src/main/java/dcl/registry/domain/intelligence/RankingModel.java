package dcl.registry.domain.intelligence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The re-ranker: a conditional logit over a field's candidates plus one more option, "none of
 * them". A candidate's score is its features weighted; its probability is {@code exp(score)} over
 * the sum for every candidate and for "none" (whose score is {@link #none()}). Trained by maximum
 * likelihood, those probabilities are calibrated (a 0.7 is right about 70 % of the time), and a
 * field without a counterpart leaves its probability mostly on "none", which is what abstention
 * reads.
 */
public final class RankingModel {
    static final String RESOURCE = "global-ranker.properties";
    private final double[] weights;
    private final double none;
    private final String version;

    public RankingModel(double[] weights, double none, String version) {
        if (weights.length != MatchFeature.count()) {
            throw new IllegalArgumentException("one weight per feature");
        }
        this.weights = weights.clone();
        this.none = none;
        this.version = version;
    }

    /** The model shipped with the service, trained offline on public schemas (see its file). */
    public static RankingModel global() {
        try (InputStream in = RankingModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the shipped ranking model " + RESOURCE + " is missing");
            }
            Properties p = new Properties();
            p.load(in);
            double[] w = new double[MatchFeature.count()];
            for (MatchFeature f : MatchFeature.values()) {
                w[f.index()] = Double.parseDouble(p.getProperty(f.key(), "0"));
            }
            return new RankingModel(
                    w,
                    Double.parseDouble(p.getProperty("none", "0")),
                    p.getProperty("version", "global"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double weight(MatchFeature feature) {
        return weights[feature.index()];
    }

    public double none() {
        return none;
    }

    public String version() {
        return version;
    }

    public double score(double[] features) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * features[i];
        }
        return s;
    }

    /**
     * Each candidate's probability of being the right one (in the order given); what is left to 1
     * is the probability that none is.
     */
    public double[] probabilities(double[][] candidates) {
        double[] scores = new double[candidates.length];
        double max = none;
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = score(candidates[i]);
            max = Math.max(max, scores[i]);
        }
        double total = Math.exp(none - max);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            total += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= total;
        }
        return scores;
    }

    /** What each feature added to a candidate's score, largest first, as a reviewer reads it. */
    public String explain(double[] features) {
        List<String> parts = new ArrayList<>();
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) ->
                        Double.compare(
                                Math.abs(weights[b] * features[b]),
                                Math.abs(weights[a] * features[a])));
        for (int i : order) {
            double contribution = weights[i] * features[i];
            if (Math.abs(contribution) >= 0.05) {
                parts.add(
                        String.format(
                                Locale.ROOT,
                                "%s %.2f (%+.2f)",
                                MatchFeature.at(i).key(),
                                features[i],
                                contribution));
            }
        }
        return String.join(", ", parts);
    }

    /**
     * One field to learn from: its candidates' features, and which of them are right (none: no
     * counterpart).
     */
    public static final class Example {
        private final double[][] candidates;
        private final boolean[] right;

        public Example(double[][] candidates, boolean[] right) {
            this.candidates = candidates;
            this.right = right;
        }

        double[][] candidates() {
            return candidates;
        }

        boolean[] right() {
            return right;
        }
    }

    /**
     * Fits a model by maximum likelihood with an L2 pull of strength {@code pull} towards {@code
     * prior}: every weight and the "none" score.
     */
    public static RankingModel fit(
            List<Example> examples,
            RankingModel prior,
            double pull,
            int iterations,
            String version) {
        return fit(
                examples,
                prior,
                pull,
                iterations,
                version,
                EnumSet.allOf(MatchFeature.class),
                true);
    }

    /**
     * Adjusts only the weights of {@code adjustable} evidence to {@code examples}, pulled towards
     * this model; the other weights and the "none" score stay this model's. For examples that can
     * show some evidence only (a tenant's known mappings are names and targets: they cannot show
     * how much a description or sample values weigh, and, every one having a target, would teach
     * never to abstain).
     */
    public RankingModel adjusted(
            List<Example> examples,
            Set<MatchFeature> adjustable,
            double pull,
            int iterations,
            String version) {
        return fit(examples, this, pull, iterations, version, adjustable, false);
    }

    private static RankingModel fit(
            List<Example> examples,
            RankingModel prior,
            double pull,
            int iterations,
            String version,
            Set<MatchFeature> adjustable,
            boolean noneAdjustable) {
        int n = MatchFeature.count();
        int[] free = adjustable.stream().mapToInt(MatchFeature::index).sorted().toArray();
        boolean[] isFree = new boolean[n];
        for (int k : free) {
            isFree[k] = true;
        }
        List<Prepared> prepared =
                examples.stream().map(e -> Prepared.of(e, prior.weights, free, isFree)).toList();
        double[] w = prior.weights.clone();
        double b = prior.none;
        double[] squares = new double[n + 1];
        double rate = 0.3;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[n + 1];
            for (Prepared example : prepared) {
                example.addGradient(w, b, free, gradient);
            }
            for (int k : free) {
                gradient[k] = gradient[k] / examples.size() - pull * (w[k] - prior.weights[k]);
            }
            gradient[n] =
                    noneAdjustable ? gradient[n] / examples.size() - pull * (b - prior.none) : 0;
            // AdaGrad: features differ in how often they are non-zero
            for (int k : free) {
                squares[k] += gradient[k] * gradient[k];
                w[k] += rate * gradient[k] / (Math.sqrt(squares[k]) + 1e-8);
            }
            squares[n] += gradient[n] * gradient[n];
            b += rate * gradient[n] / (Math.sqrt(squares[n]) + 1e-8);
        }
        return new RankingModel(w, b, version);
    }

    /**
     * An example as the fit needs it. The weights that stay fixed contribute the same score in
     * every iteration, so it is summed once; and a candidate none of whose adjustable evidence is
     * present, and that is not right, only ever adds the same constant to the softmax's
     * denominator, so all such candidates are one number. A tenant's adjustment (4 adjustable
     * weights; at 1,000 canonical fields, a few candidates in each example with any known-mapping
     * evidence) then weighs a few candidates per example instead of 1,000.
     */
    private static final class Prepared {
        private final double[][] adjustableValues;
        private final double[] fixedScore;
        private final boolean[] right;
        private final boolean noneRight;
        private final double quietMax;
        private final double quietSum;

        private Prepared(
                double[][] adjustableValues,
                double[] fixedScore,
                boolean[] right,
                boolean noneRight,
                double quietMax,
                double quietSum) {
            this.adjustableValues = adjustableValues;
            this.fixedScore = fixedScore;
            this.right = right;
            this.noneRight = noneRight;
            this.quietMax = quietMax;
            this.quietSum = quietSum;
        }

        /** {@code free}: the adjustable features' indices; {@code isFree}: the same, by index. */
        static Prepared of(Example example, double[] weights, int[] free, boolean[] isFree) {
            List<double[]> values = new ArrayList<>();
            List<Double> fixed = new ArrayList<>();
            List<Boolean> right = new ArrayList<>();
            List<Double> quiet = new ArrayList<>();
            for (int i = 0; i < example.candidates().length; i++) {
                double[] features = example.candidates()[i];
                double score = 0;
                double[] own = new double[free.length];
                boolean present = false;
                for (int k = 0; k < weights.length; k++) {
                    if (!isFree[k]) {
                        score += weights[k] * features[k];
                    }
                }
                for (int j = 0; j < free.length; j++) {
                    own[j] = features[free[j]];
                    present |= own[j] != 0;
                }
                if (present || example.right()[i]) {
                    values.add(own);
                    fixed.add(score);
                    right.add(example.right()[i]);
                } else {
                    quiet.add(score);
                }
            }
            double quietMax = quiet.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double quietSum = quiet.stream().mapToDouble(q -> Math.exp(q - quietMax)).sum();
            boolean[] rightFlags = new boolean[right.size()];
            for (int a = 0; a < rightFlags.length; a++) {
                rightFlags[a] = right.get(a);
            }
            return new Prepared(
                    values.toArray(double[][]::new),
                    fixed.stream().mapToDouble(Double::doubleValue).toArray(),
                    rightFlags,
                    !anyRight(example.right()),
                    quietMax,
                    quietSum);
        }

        /** Adds this example's gradient of the log-likelihood for the free weights and none. */
        void addGradient(double[] w, double none, int[] free, double[] gradient) {
            int m = fixedScore.length;
            double[] p = new double[m];
            double max = quietSum > 0 ? Math.max(none, quietMax) : none;
            for (int a = 0; a < m; a++) {
                double s = fixedScore[a];
                for (int j = 0; j < free.length; j++) {
                    s += w[free[j]] * adjustableValues[a][j];
                }
                p[a] = s;
                max = Math.max(max, s);
            }
            double pNone = Math.exp(none - max);
            double total = pNone + (quietSum > 0 ? quietSum * Math.exp(quietMax - max) : 0);
            for (int a = 0; a < m; a++) {
                p[a] = Math.exp(p[a] - max);
                total += p[a];
            }
            double rightMass = 0;
            for (int a = 0; a < m; a++) {
                p[a] /= total;
                if (right[a]) {
                    rightMass += p[a];
                }
            }
            pNone /= total;
            double target = Math.max(noneRight ? pNone : rightMass, Double.MIN_NORMAL);
            for (int a = 0; a < m; a++) {
                double posterior = !noneRight && right[a] ? p[a] / target : 0;
                for (int j = 0; j < free.length; j++) {
                    gradient[free[j]] += (posterior - p[a]) * adjustableValues[a][j];
                }
            }
            gradient[gradient.length - 1] += (noneRight ? 1 : 0) - pNone;
        }
    }

    private static boolean anyRight(boolean[] right) {
        for (boolean r : right) {
            if (r) {
                return true;
            }
        }
        return false;
    }

    /** The model as its file holds it. */
    public Properties asProperties() {
        Properties p = new Properties();
        for (MatchFeature f : MatchFeature.values()) {
            p.setProperty(f.key(), String.format(Locale.ROOT, "%.4f", weights[f.index()]));
        }
        p.setProperty("none", String.format(Locale.ROOT, "%.4f", none));
        p.setProperty("version", version);
        return p;
    }
}
