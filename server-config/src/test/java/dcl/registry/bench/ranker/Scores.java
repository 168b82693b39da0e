package dcl.registry.bench.ranker;

import static dcl.registry.bench.Figures.fmt;

import dcl.registry.bench.ReliabilityBins;
import java.util.Locale;

/**
 * Accuracy and calibration of ranked answers: top-1, top-3, MRR over fields that have a right
 * target, expected calibration error of the top-1 probability (10 equal bins) over those fields and
 * over every field (one without a right target never right), and abstention on fields with and
 * without a right target.
 */
final class Scores {
    private final double abstainBelow;
    int cases;
    int top1;
    int top3;
    double reciprocalRanks;
    int unmatched;
    int abstainedUnmatched;
    int abstainedMatched;
    int answeredRight;
    final ReliabilityBins matchedBins = new ReliabilityBins();

    /** The same bins over every field, one without a counterpart never right. */
    final ReliabilityBins everyFieldBins = new ReliabilityBins();

    Scores(double abstainBelow) {
        this.abstainBelow = abstainBelow;
    }

    /** One field's answer: candidates' probabilities best first, and whether each is right. */
    void add(double[] probabilities, boolean[] right, boolean hasRightTarget) {
        double best = probabilities.length == 0 ? 0 : probabilities[0];
        boolean abstained = best < abstainBelow;
        boolean firstRight = hasRightTarget && right.length > 0 && right[0];
        everyFieldBins.add(best, firstRight);
        if (!hasRightTarget) {
            unmatched++;
            abstainedUnmatched += abstained ? 1 : 0;
            return;
        }
        cases++;
        abstainedMatched += abstained ? 1 : 0;
        answeredRight += !abstained && firstRight ? 1 : 0;
        for (int i = 0; i < right.length; i++) {
            if (right[i]) {
                top1 += i == 0 ? 1 : 0;
                top3 += i < 3 ? 1 : 0;
                reciprocalRanks += 1.0 / (i + 1);
                break;
            }
        }
        matchedBins.add(best, firstRight);
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
        matchedBins.add(other.matchedBins);
        everyFieldBins.add(other.everyFieldBins);
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
        return matchedBins.calibrationError();
    }

    /** The calibration error over every field, one without a counterpart never right. */
    double eceEveryField() {
        return everyFieldBins.calibrationError();
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
        for (int b = 0; b < ReliabilityBins.COUNT; b++) {
            if (everyFieldBins.fields(b) > 0) {
                table.append(
                        String.format(
                                Locale.ROOT,
                                "  %.1f–%.1f  %6d  %15s  %8s | %19d  %15.3f  %8.3f%n",
                                b / 10.0,
                                (b + 1) / 10.0,
                                matchedBins.fields(b),
                                fmt(matchedBins.meanConfidence(b), "%.3f"),
                                fmt(matchedBins.accuracy(b), "%.3f"),
                                everyFieldBins.fields(b),
                                everyFieldBins.meanConfidence(b),
                                everyFieldBins.accuracy(b)));
            }
        }
        return table.toString();
    }
}
