package dcl.registry.bench.ranker;

import java.util.Locale;

/**
 * Accuracy and calibration of ranked answers: top-1, top-3, MRR over fields that have a right
 * target, expected calibration error of the top-1 probability (10 equal bins) over those fields and
 * over every field (one without a right target never right), and abstention on fields with and
 * without a right target.
 */
final class Scores {
    private static final int BINS = 10;
    private final double abstainBelow;
    int cases;
    int top1;
    int top3;
    double reciprocalRanks;
    int unmatched;
    int abstainedUnmatched;
    int abstainedMatched;
    int answeredRight;
    final int[] binCount = new int[BINS];
    final double[] binConfidence = new double[BINS];
    final int[] binRight = new int[BINS];

    /** The same bins over every field, one without a counterpart never right. */
    final int[] everyBinCount = new int[BINS];

    final double[] everyBinConfidence = new double[BINS];
    final int[] everyBinRight = new int[BINS];

    Scores(double abstainBelow) {
        this.abstainBelow = abstainBelow;
    }

    /** One field's answer: candidates' probabilities best first, and whether each is right. */
    void add(double[] probabilities, boolean[] right, boolean hasRightTarget) {
        double best = probabilities.length == 0 ? 0 : probabilities[0];
        boolean abstained = best < abstainBelow;
        int bin = Math.min(BINS - 1, (int) (best * BINS));
        everyBinCount[bin]++;
        everyBinConfidence[bin] += best;
        everyBinRight[bin] += hasRightTarget && right.length > 0 && right[0] ? 1 : 0;
        if (!hasRightTarget) {
            unmatched++;
            abstainedUnmatched += abstained ? 1 : 0;
            return;
        }
        cases++;
        abstainedMatched += abstained ? 1 : 0;
        answeredRight += !abstained && right.length > 0 && right[0] ? 1 : 0;
        for (int i = 0; i < right.length; i++) {
            if (right[i]) {
                top1 += i == 0 ? 1 : 0;
                top3 += i < 3 ? 1 : 0;
                reciprocalRanks += 1.0 / (i + 1);
                break;
            }
        }
        binCount[bin]++;
        binConfidence[bin] += best;
        binRight[bin] += right.length > 0 && right[0] ? 1 : 0;
    }

    void add(Scores other) {
        cases += other.cases;
        top1 += other.top1;
        top3 += other.top3;
        reciprocalRanks += other.reciprocalRanks;
        unmatched += other.unmatched;
        abstainedUnmatched += other.abstainedUnmatched;
        abstainedMatched += other.abstainedMatched;
        answeredRight += other.answeredRight;
        for (int b = 0; b < BINS; b++) {
            binCount[b] += other.binCount[b];
            binConfidence[b] += other.binConfidence[b];
            binRight[b] += other.binRight[b];
            everyBinCount[b] += other.everyBinCount[b];
            everyBinConfidence[b] += other.everyBinConfidence[b];
            everyBinRight[b] += other.everyBinRight[b];
        }
    }

    /**
     * What abstaining below this threshold does: fields without counterpart abstained, fields with
     * one abstained, right first answers of all fields with one, and of those answered.
     */
    String abstentionLine() {
        return String.format(
                Locale.ROOT,
                "  %.2f      %.2f                %.2f              %.2f          %.2f",
                abstainBelow,
                unmatched == 0 ? 0 : (double) abstainedUnmatched / unmatched,
                cases == 0 ? 0 : (double) abstainedMatched / cases,
                cases == 0 ? 0 : (double) answeredRight / cases,
                cases == abstainedMatched
                        ? 0
                        : (double) answeredRight / (cases - abstainedMatched));
    }

    double mrr() {
        return cases == 0 ? 0 : reciprocalRanks / cases;
    }

    double ece() {
        return ece(binCount, binConfidence, binRight, cases);
    }

    /** The calibration error over every field, one without a counterpart never right. */
    double eceEveryField() {
        return ece(everyBinCount, everyBinConfidence, everyBinRight, cases + unmatched);
    }

    private static double ece(int[] count, double[] confidence, int[] right, int fields) {
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                error += Math.abs(confidence[b] - right[b]) / Math.max(1, fields);
            }
        }
        return error;
    }

    String line(String label) {
        return String.format(
                Locale.ROOT,
                "%-44s cases=%3d top-1=%.2f top-3=%.2f MRR=%.3f ECE=%.3f (every field %s)"
                        + " abstain unmatched=%s matched=%.2f",
                label,
                cases,
                cases == 0 ? 0 : (double) top1 / cases,
                cases == 0 ? 0 : (double) top3 / cases,
                mrr(),
                ece(),
                unmatched == 0 ? " -  " : String.format(Locale.ROOT, "%.3f", eceEveryField()),
                unmatched == 0
                        ? " -  "
                        : String.format(
                                Locale.ROOT, "%.2f", (double) abstainedUnmatched / unmatched),
                cases == 0 ? 0 : (double) abstainedMatched / cases);
    }

    String reliability() {
        StringBuilder table =
                new StringBuilder(
                        "  bin        fields  mean confidence  accuracy | every field: fields  mean"
                                + " confidence  accuracy\n");
        for (int b = 0; b < BINS; b++) {
            if (everyBinCount[b] > 0) {
                table.append(
                        String.format(
                                Locale.ROOT,
                                "  %.1f–%.1f  %6d  %15s  %8s | %19d  %15.3f  %8.3f%n",
                                b / 10.0,
                                (b + 1) / 10.0,
                                binCount[b],
                                binCount[b] == 0
                                        ? "-"
                                        : String.format(
                                                Locale.ROOT,
                                                "%.3f",
                                                binConfidence[b] / binCount[b]),
                                binCount[b] == 0
                                        ? "-"
                                        : String.format(
                                                Locale.ROOT,
                                                "%.3f",
                                                (double) binRight[b] / binCount[b]),
                                everyBinCount[b],
                                everyBinConfidence[b] / everyBinCount[b],
                                (double) everyBinRight[b] / everyBinCount[b]));
            }
        }
        return table.toString();
    }
}
