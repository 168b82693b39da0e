package dcl.registry.adapters.rest.input;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a caller's own text is shown back in an error: short, quoted, and with every control
 * character and lone surrogate escaped, so that an error never carries what the rules refuse.
 */
final class Shown {
    static final int MAX_SHOWN = 40;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Shown() {}

    /** A text value, quoted and escaped: {@code "Closed Won"}, {@code "a\u0000b"}. */
    static String quoted(String text) {
        return "\"" + escaped(text, MAX_SHOWN) + "\"";
    }

    /**
     * The path to a member of an object: {@code parent.key}, or {@code parent["odd key"]} when the
     * key is not plain.
     */
    static String member(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[" + quoted(key) + "]";
    }

    /** The path to an element of an array: {@code parent[3]}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A field path for a message: the body itself when the path is empty. */
    static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }

    static String escaped(String text, int max) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown == max) {
                out.append('…');
                break;
            }
            char c = text.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
            shown++;
        }
        return out.toString();
    }
}
