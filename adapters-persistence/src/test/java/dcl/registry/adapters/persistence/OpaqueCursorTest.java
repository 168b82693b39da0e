package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpaqueCursorTest {
    @Test
    void givenAnIssuedCursor_whenDecoded_thenItsPartsComeBack() {
        String cursor = OpaqueCursor.encode("salesforce", "opportunity", "Amount|with separators");
        assertEquals(
                List.of("salesforce", "opportunity", "Amount|with separators"),
                OpaqueCursor.decode(cursor, 3, parts -> parts));
        assertEquals(
                new PageCursor("a", "b", "c"),
                PageCursor.decode(new PageCursor("a", "b", "c").encode()));
    }

    @Test
    void givenACursorNotIssuedForThisList_whenDecoded_thenTheCallerIsToldNamingTheCursor() {
        String other = OpaqueCursor.encode("a", "b");
        for (String cursor :
                new String[] {"not base64!", other, OpaqueCursor.encode("x", "y", "z", "w")}) {
            InvalidInput refused =
                    assertThrows(InvalidInput.class, () -> PageCursor.decode(cursor));
            assertEquals("cursor", refused.violations().get(0).field());
        }
        assertThrows(
                InvalidInput.class,
                () -> OpaqueCursor.decode(other, 2, parts -> Long.parseLong(parts.get(1))),
                "a part the reader refuses is the caller's mistake too");
    }

    @Test
    void givenAPositionCursor_whenDecodedForItsListOrAnother_thenItsPositionOrARefusal() {
        String history = OpaqueCursor.encodePosition("history", 42);
        assertEquals(42, OpaqueCursor.decodePosition(history, "history"));
        for (String cursor :
                new String[] {
                    history,
                    OpaqueCursor.encode("jobs", "x"),
                    OpaqueCursor.encodePosition("jobs", -1)
                }) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class, () -> OpaqueCursor.decodePosition(cursor, "jobs"));
            assertEquals("cursor", refused.violations().get(0).field());
        }
    }
}
