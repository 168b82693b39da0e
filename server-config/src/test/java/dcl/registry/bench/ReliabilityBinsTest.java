package dcl.registry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityBinsTest {

    @Test
    void calibrationErrorWeighsEachBinsGapByItsShareOfFields() {
        ReliabilityBins bins = new ReliabilityBins();
        bins.add(0.95, true);
        bins.add(0.95, false);
        bins.add(0.95, true);
        bins.add(0.15, false);

        // top bin: 3 of 4 fields, |0.95 − 2/3|; second bin: 1 of 4 fields, |0.15 − 0|
        assertEquals(0.75 * (0.95 - 2.0 / 3) + 0.25 * 0.15, bins.calibrationError(), 1e-12);
        assertEquals(2.0 / 3, bins.accuracy(9), 1e-12);
        assertEquals(0.15, bins.meanConfidence(1), 1e-12);
    }

    @Test
    void certaintyFallsInTheTopBinAndEmptyBinsHaveNoFigures() {
        ReliabilityBins bins = new ReliabilityBins();
        bins.add(1.0, true);

        assertEquals(1, bins.fields(ReliabilityBins.COUNT - 1));
        assertEquals(0.0, bins.calibrationError(), 1e-12);
        assertTrue(Double.isNaN(bins.accuracy(0)));
        assertTrue(Double.isNaN(new ReliabilityBins().calibrationError()));
    }

    @Test
    void mergedBinsCountBothSides() {
        ReliabilityBins cold = new ReliabilityBins();
        cold.add(0.72, true);
        ReliabilityBins all = new ReliabilityBins();
        all.add(0.78, false);
        all.add(cold);

        assertEquals(2, all.fields(7));
        assertEquals(0.75, all.meanConfidence(7), 1e-12);
        assertEquals(0.25, all.calibrationError(), 1e-12);
    }
}
