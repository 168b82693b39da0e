package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRuleTest {
    private static final String EMOJI = "\uD83D\uDE00"; // 😀, a surrogate pair
    private static final String FAMILY =
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👩‍👩‍👧, pairs joined by ZWJ
    private static final String RARE_HAN = "\uD840\uDC00"; // 𠀀, outside the BMP

    @Test
    void givenNul_whenCheckedByAnyRule_thenItIsRefusedWithItsPosition() {
        for (TextRule rule : TextRule.values()) {
            Optional<String> breach = rule.breach("ab\u0000c");
            assertTrue(breach.isPresent(), rule.name());
            assertTrue(breach.get().contains("U+0000"), breach.get());
            assertTrue(breach.get().contains("position 3"), breach.get());
        }
    }

    @Test
    void givenOtherC0Controls_whenChecked_thenNamesAndFreeTextRefuseThemAndDataKeepsThem() {
        for (char c :
                new char[] {'\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F'}) {
            String text = "a" + c + "b";
            assertFalse(TextRule.NAME.allows(text), Integer.toHexString(c));
            assertFalse(TextRule.FREE_TEXT.allows(text), Integer.toHexString(c));
            assertTrue(TextRule.DATA.allows(text), Integer.toHexString(c));
        }
    }

    @Test
    void givenDelAndC1Controls_whenChecked_thenNamesAndFreeTextRefuseThem() {
        for (char c : new char[] {'\u007F', '\u0080', '\u0085', '\u009F'}) {
            String text = "a" + c;
            assertEquals(
                    Optional.of(
                            "must not contain control characters (U+"
                                    + String.format("%04X", (int) c)
                                    + " at position 2)"),
                    TextRule.NAME.breach(text));
            assertFalse(TextRule.FREE_TEXT.allows(text));
            assertTrue(TextRule.DATA.allows(text));
        }
        assertTrue(TextRule.NAME.allows("a\u00A0b"), "a no-break space is not a control character");
    }

    @Test
    void givenTabLineFeedAndCarriageReturn_whenChecked_thenOnlyFreeTextAndDataAllowThem() {
        for (String text : new String[] {"a\tb", "line\nline", "line\r\nline"}) {
            assertFalse(TextRule.NAME.allows(text), text);
            assertTrue(TextRule.FREE_TEXT.allows(text), text);
            assertTrue(TextRule.DATA.allows(text), text);
        }
    }

    @Test
    void givenALoneHighSurrogate_whenCheckedByAnyRule_thenItIsRefused() {
        for (TextRule rule : TextRule.values()) {
            assertTrue(
                    rule.breach("\uD800").orElseThrow().contains("lone surrogate U+D800"),
                    rule.name());
            assertTrue(rule.breach("ab\uD83D").orElseThrow().contains("position 3"), rule.name());
            assertFalse(rule.allows("\uD83Dx"), rule.name());
        }
    }

    @Test
    void givenALoneLowSurrogate_whenCheckedByAnyRule_thenItIsRefused() {
        for (TextRule rule : TextRule.values()) {
            assertTrue(
                    rule.breach("x\uDC00").orElseThrow().contains("lone surrogate U+DC00"),
                    rule.name());
            assertFalse(
                    rule.allows("\uDE00\uD83D"),
                    rule.name() + ": a pair in the wrong order is two lone halves");
        }
    }

    @Test
    void givenValidSurrogatePairsAndEmoji_whenCheckedByAnyRule_thenTheyAreAccepted() {
        for (TextRule rule : TextRule.values()) {
            for (String text :
                    new String[] {
                        EMOJI, "Amount " + EMOJI, FAMILY, RARE_HAN, "Straße", "金額", "naïve café"
                    }) {
                assertEquals(Optional.empty(), rule.breach(text), rule.name() + ": " + text);
            }
        }
    }

    @Test
    void givenNullOrEmptyText_whenChecked_thenThereIsNothingToRefuse() {
        assertTrue(TextRule.NAME.allows(null));
        assertTrue(TextRule.NAME.allows(""));
    }

    @Test
    void givenABreach_whenRequired_thenTheViolationNamesTheField() {
        InvalidInput error =
                assertThrows(
                        InvalidInput.class, () -> TextRule.NAME.require("legacyPath", "a\u0000"));
        assertEquals("legacyPath", error.violations().get(0).field());
        InvalidInput tooLong =
                assertThrows(
                        InvalidInput.class,
                        () -> TextRule.NAME.require("path", "x".repeat(11), 10));
        assertEquals("must be at most 10 characters", tooLong.violations().get(0).message());
        assertEquals("fine", TextRule.NAME.require("path", "fine", 10));
    }

    @Test
    void givenNames_whenBuiltAsValueObjects_thenTheNameRuleHolds() {
        assertEquals(
                "sourceField",
                assertThrows(InvalidInput.class, () -> new SourceField("a\u0000b"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "sourceField",
                assertThrows(InvalidInput.class, () -> new SourceField("\uD800"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "sourceTable",
                assertThrows(InvalidInput.class, () -> new SourceTable("Opp\u0085"))
                        .violations()
                        .get(0)
                        .field());
        assertEquals("Amount" + EMOJI, new SourceField("Amount" + EMOJI).name());
    }

    @Test
    void givenFreeText_whenRead_thenLineBreaksPassBlankIsAbsentAndTheLimitHolds() {
        assertEquals(
                Optional.of("first line\nsecond\tline"),
                FreeText.optional("reason", "first line\nsecond\tline"));
        assertEquals(Optional.empty(), FreeText.optional("reason", "  \n"));
        assertEquals(Optional.empty(), FreeText.optional("reason", (String) null));
        assertEquals(
                Optional.of("x".repeat(FreeText.MAX_LENGTH)),
                FreeText.optional("notes", "x".repeat(FreeText.MAX_LENGTH)));
        assertEquals(
                "notes",
                assertThrows(
                                InvalidInput.class,
                                () ->
                                        FreeText.optional(
                                                "notes", "x".repeat(FreeText.MAX_LENGTH + 1)))
                        .violations()
                        .get(0)
                        .field());
        assertEquals(
                "reason",
                assertThrows(
                                InvalidInput.class,
                                () -> FreeText.optional("reason", Optional.of("why\u0000")))
                        .violations()
                        .get(0)
                        .field());
        assertThrows(InvalidInput.class, () -> FreeText.optional("reason", "bell\u0007"));
    }
}
