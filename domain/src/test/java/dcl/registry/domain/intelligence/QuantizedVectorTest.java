package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedVectorTest {
    private static float[] random(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void givenRelatedVectors_whenQuantized_thenCosineStaysWithinOneHundredth() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            float[] a = random(random);
            float[] noise = random(random);
            float[] b = new float[a.length];
            double mix = random.nextDouble();
            for (int d = 0; d < a.length; d++) {
                b[d] = (float) (a[d] * (1 - mix) + noise[d] * mix);
            }
            double exact = Math.max(0, cosine(a, b));
            assertEquals(exact, QuantizedVector.of(a).similarity(QuantizedVector.of(b)), 0.01);
        }
    }

    @Test
    void givenAVector_whenStoredAndRead_thenItIsTheSame() {
        QuantizedVector v = QuantizedVector.of(random(new Random(3)));
        QuantizedVector read = QuantizedVector.fromBytes(v.toBytes());
        assertArrayEquals(v.values(), read.values());
        assertEquals(v.scale(), read.scale());
        assertEquals(1.0, v.similarity(read), 0.01);
    }
}
