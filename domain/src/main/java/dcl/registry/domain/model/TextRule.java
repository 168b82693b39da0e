package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.util.Locale;
import java.util.Optional;

/**
 * Which characters text from outside may hold, decided in one place. No kind of text may hold NUL
 * (U+0000, which PostgreSQL refuses) or a lone surrogate (half of a UTF-16 pair: no Unicode
 * character, and not representable in UTF-8). Beyond that:
 *
 * <ul>
 *   <li>{@link #NAME}: names, identifiers, paths and parameters hold no control character at all
 *       (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F);
 *   <li>{@link #FREE_TEXT}: words people write for people (reasons, notes, descriptions, sample
 *       values) may break lines and use tabs ({@code \t \n \r}), but hold no other control
 *       character;
 *   <li>{@link #DATA}: record values the registry transforms and hands back but never stores may
 *       hold any control character but NUL.
 * </ul>
 *
 * A valid surrogate pair (an emoji, a rare CJK character) is one character and always allowed.
 */
public enum TextRule {
    NAME,
    FREE_TEXT,
    DATA;

    /**
     * What is wrong with the text, as a message that can follow its field name; empty when nothing
     * is.
     */
    public Optional<String> breach(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one valid character
                    continue;
                }
                return Optional.of(loneSurrogate(c, i));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(loneSurrogate(c, i));
            }
            if (refuses(c)) {
                return Optional.of(
                        "must not contain control characters ("
                                + codePoint(c)
                                + " at position "
                                + (i + 1)
                                + ")"
                                + (this == FREE_TEXT
                                        ? "; only tab, line feed and carriage return are allowed"
                                        : ""));
            }
        }
        return Optional.empty();
    }

    /** True when the text breaks no rule of this kind. */
    public boolean allows(String text) {
        return breach(text).isEmpty();
    }

    /**
     * The text itself, when it keeps this rule.
     *
     * @throws InvalidInput naming {@code field} when it does not
     */
    public String require(String field, String text) {
        Optional<String> breach = breach(text);
        if (breach.isPresent()) {
            throw new InvalidInput(field, breach.get());
        }
        return text;
    }

    /**
     * The text itself, when it keeps this rule and is at most {@code maxLength} characters long.
     *
     * @throws InvalidInput naming {@code field} when it does not
     */
    public String require(String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            throw new InvalidInput(field, "must be at most " + maxLength + " characters");
        }
        return require(field, text);
    }

    private boolean refuses(char c) {
        if (c == 0) {
            return true;
        }
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        return switch (this) {
            case NAME -> control;
            case FREE_TEXT -> control && c != '\t' && c != '\n' && c != '\r';
            case DATA -> false;
        };
    }

    private static String loneSurrogate(char c, int index) {
        return "must be valid Unicode text: a lone surrogate "
                + codePoint(c)
                + " at position "
                + (index + 1)
                + " is half of a character";
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
