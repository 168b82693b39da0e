package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformTest {
    @Test
    void givenEachKnownType_whenBuilt_thenItReportsItsWireName() {
        for (String type : Transform.TYPES) {
            Transform t = Transform.of(type, "yyyy-MM-dd", Map.of("a", "b"));
            assertEquals(type, t.type());
        }
    }

    @Test
    void givenAnUnknownType_whenBuilt_thenTheErrorNamesTheFieldAndTheAllowedTypes() {
        InvalidInput error =
                assertThrows(InvalidInput.class, () -> Transform.of("reverse", null, null));
        assertEquals("transform.type", error.violations().get(0).field());
        assertTrue(error.violations().get(0).message().contains("valueMap"));
    }

    @Test
    void givenADateWithoutFormatOrWithABadOne_whenBuilt_thenFormatIsReported() {
        assertEquals(
                "transform.format",
                assertThrows(InvalidInput.class, () -> Transform.of("date", null, null))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "transform.format",
                assertThrows(InvalidInput.class, () -> Transform.of("date", "yyyy-MM-dd {", null))
                        .violations()
                        .get(0)
                        .field());
    }

    @Test
    void givenAnEmptyValueMap_whenBuilt_thenValuesAreReported() {
        assertEquals(
                "transform.values",
                assertThrows(InvalidInput.class, () -> Transform.of("valueMap", null, Map.of()))
                        .violations()
                        .get(0)
                        .field());
    }

    @Test
    void givenText_whenCaseAndTrimApplied_thenValuesChange() {
        assertEquals("closed won", Transform.of("lowercase", null, null).apply("Closed Won"));
        assertEquals("CLOSED", Transform.of("uppercase", null, null).apply("closed"));
        assertEquals("x", Transform.of("trim", null, null).apply("  x \t"));
        assertNull(Transform.of("trim", null, null).apply(null));
    }

    @Test
    void givenNumbersAsTextOrNumbers_whenNumberApplied_thenDecimalsComeOut() {
        Transform number = Transform.of("number", null, null);
        assertEquals(new BigDecimal("1200.50"), number.apply("1,200.50"));
        assertEquals(new BigDecimal("7"), number.apply(7));
        assertThrows(Transform.ValueNotTransformable.class, () -> number.apply("abc"));
        assertThrows(Transform.ValueNotTransformable.class, () -> number.apply(true));
    }

    @Test
    void givenBooleanWords_whenBooleanApplied_thenTrueOrFalseOrAnError() {
        Transform bool = Transform.of("boolean", null, null);
        assertEquals(true, bool.apply("Yes"));
        assertEquals(false, bool.apply("0"));
        assertEquals(true, bool.apply(true));
        assertThrows(Transform.ValueNotTransformable.class, () -> bool.apply("maybe"));
    }

    @Test
    void givenADateFormat_whenApplied_thenIsoComesOutAndMismatchesAreErrors() {
        assertEquals("2024-03-01", Transform.of("date", "dd/MM/yyyy", null).apply("01/03/2024"));
        assertEquals(
                "2024-03-01T13:45",
                Transform.of("date", "yyyy-MM-dd HH:mm", null).apply("2024-03-01 13:45"));
        assertThrows(
                Transform.ValueNotTransformable.class,
                () -> Transform.of("date", "dd/MM/yyyy", null).apply("2024-03-01"));
    }

    @Test
    void givenADayPastItsMonthsEnd_whenApplied_thenAnErrorNotTheMonthsLastDay() {
        Transform iso = Transform.of("date", "yyyy-MM-dd", null);
        for (String impossible : List.of("2024-02-30", "2023-02-29", "2024-04-31")) {
            assertThrows(
                    Transform.ValueNotTransformable.class,
                    () -> iso.apply(impossible),
                    impossible + " is no date");
        }
        assertEquals("2024-02-29", iso.apply("2024-02-29"), "a leap day is one");
        assertEquals(
                "2024-02-29T10:00",
                Transform.of("date", "dd.MM.yyyy HH:mm", null).apply("29.02.2024 10:00"));
        assertThrows(
                Transform.ValueNotTransformable.class,
                () -> Transform.of("date", "dd.MM.yyyy HH:mm", null).apply("30.02.2024 10:00"));
    }

    @Test
    void givenAValueMap_whenApplied_thenKnownValuesMapAndUnknownOnesAreErrors() {
        Transform stage = Transform.of("valueMap", null, Map.of("Closed Won", "won"));
        assertEquals("won", stage.apply("Closed Won"));
        assertThrows(Transform.ValueNotTransformable.class, () -> stage.apply("Lost"));
    }

    @Test
    void givenANestedObject_whenATextTransformIsApplied_thenItIsAnError() {
        assertThrows(
                Transform.ValueNotTransformable.class,
                () -> Transform.of("lowercase", null, null).apply(Map.of("a", 1)));
    }
}
