package dcl.registry.bench;

/**
 * First answers in ten equal confidence bins: how many fell in each, their mean confidence, and how
 * often they were right; the expected calibration error is read from them. Shared by the service's
 * benchmark and the ranker's trainer, so that both print the same figure.
 */
public final class ReliabilityBins {
    public static final int COUNT = 10;
    private final int[] fields = new int[COUNT];
    private final double[] confidence = new double[COUNT];
    private final int[] right = new int[COUNT];

    /** One first answer: its confidence and whether it was right. */
    public void add(double confidence, boolean right) {
        int bin = Math.min(COUNT - 1, (int) Math.floor(confidence * COUNT));
        fields[bin]++;
        this.confidence[bin] += confidence;
        this.right[bin] += right ? 1 : 0;
    }

    public void add(ReliabilityBins other) {
        for (int b = 0; b < COUNT; b++) {
            fields[b] += other.fields[b];
            confidence[b] += other.confidence[b];
            right[b] += other.right[b];
        }
    }

    public int fields(int bin) {
        return fields[bin];
    }

    /** NaN when the bin is empty. */
    public double meanConfidence(int bin) {
        return fields[bin] == 0 ? Double.NaN : confidence[bin] / fields[bin];
    }

    /** NaN when the bin is empty. */
    public double accuracy(int bin) {
        return fields[bin] == 0 ? Double.NaN : (double) right[bin] / fields[bin];
    }

    /** Σ over bins of (fields in the bin / fields) × |accuracy − mean confidence|; NaN if empty. */
    public double calibrationError() {
        int total = 0;
        double error = 0;
        for (int b = 0; b < COUNT; b++) {
            total += fields[b];
            error += Math.abs(confidence[b] - right[b]);
        }
        return total == 0 ? Double.NaN : error / total;
    }
}
