package dcl.registry.domain.intelligence;

/**
 * A sentence embedding kept in one byte per dimension (scaled by the vector's largest component): a
 * quarter of the memory of floats, which is what lets 100,000 mappings fit the index budget; cosine
 * similarity stays within about 0.01 of the float result.
 */
@SuppressWarnings(
        "ArrayRecordComponent") // compared by identity only; a copy per read would cost the scan
public record QuantizedVector(byte[] values, float scale) {
    private static final int LEVELS = 127;

    /** Quantizes a vector; it need not be normalised. */
    public static QuantizedVector of(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float max = 0;
        for (float x : vector) {
            max = Math.max(max, Math.abs(x));
        }
        if (norm == 0 || max == 0) {
            return new QuantizedVector(new byte[vector.length], 0);
        }
        byte[] values = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = (byte) Math.round(vector[i] / max * LEVELS);
        }
        return new QuantizedVector(values, (float) (max / norm / LEVELS));
    }

    /**
     * Cosine similarity of the two (normalised) vectors, clamped to [0, 1]: opposite meanings count
     * as unrelated.
     */
    public double similarity(QuantizedVector other) {
        if (values.length != other.values.length) {
            throw new IllegalArgumentException(
                    "vectors of different models: "
                            + values.length
                            + " and "
                            + other.values.length
                            + " dimensions");
        }
        return similarity(other.values, 0, other.scale);
    }

    /**
     * The same, against a vector stored at {@code offset} of a larger array (an index's packed
     * slots).
     */
    public double similarity(byte[] packed, int offset, float packedScale) {
        int dot = 0; // at most 127 * 127 * dimensions: an int holds it for any sentence model, and
        // the JIT vectorises it
        for (int i = 0; i < values.length; i++) {
            dot += values[i] * packed[offset + i];
        }
        return Math.max(0, Math.min(1, dot * (double) scale * packedScale));
    }

    /** Serialised form for storage: the scale's four bytes, then one byte per dimension. */
    public byte[] toBytes() {
        byte[] bytes = new byte[4 + values.length];
        int bits = Float.floatToIntBits(scale);
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (bits >>> (24 - 8 * i));
        }
        System.arraycopy(values, 0, bytes, 4, values.length);
        return bytes;
    }

    public static QuantizedVector fromBytes(byte[] bytes) {
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits = (bits << 8) | (bytes[i] & 0xff);
        }
        byte[] values = new byte[bytes.length - 4];
        System.arraycopy(bytes, 4, values, 0, values.length);
        return new QuantizedVector(values, Float.intBitsToFloat(bits));
    }
}
