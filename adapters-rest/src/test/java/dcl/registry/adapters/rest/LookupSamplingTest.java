package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LookupSamplingTest {
    private static final List<Double> DRAWS = List.of(0.0, 0.009, 0.01, 0.5, 0.999_999);

    private static long sampledOf(double rate) {
        return DRAWS.stream()
                .filter(draw -> new LookupSampling(rate, () -> draw).sampled())
                .count();
    }

    @Test
    void givenARate_whenLookupsAreDrawn_thenThoseDrawnBelowItAreSampled() {
        assertEquals(2, sampledOf(0.01), "0.0 and 0.009 fall below 0.01");
        assertEquals(3, sampledOf(0.5));
    }

    @Test
    void givenRateOne_whenAnyLookupIsDrawn_thenItIsSampled() {
        assertEquals(DRAWS.size(), sampledOf(1));
    }

    @Test
    void givenRateZero_whenAnyLookupIsDrawn_thenNoneIsSampled() {
        assertEquals(0, sampledOf(0), "not even a draw of exactly 0");
    }

    @Test
    void givenTheDefaultRate_whenManyLookupsAreDrawnAtRandom_thenAboutThatShareIsSampled() {
        LookupSampling sampling = new LookupSampling(0.01);
        long sampled = IntStream.range(0, 100_000).filter(i -> sampling.sampled()).count();
        assertTrue(sampled > 700 && sampled < 1_300, sampled + " of 100000 sampled at 0.01");
    }

    @Test
    void givenARateOutsideZeroToOne_whenBuilt_thenRefused() {
        for (double rate : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new LookupSampling(rate));
        }
        assertFalse(new LookupSampling(0).sampled());
    }
}
