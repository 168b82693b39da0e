package dcl.registry.adapters.persistence;

import dcl.registry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * How every list's {@code next} cursor travels: the sort key of the last item served, as text
 * parts, base64url-encoded so clients treat it as opaque. Anything that does not decode back to the
 * expected parts is the caller's mistake, a 400 naming {@code cursor}.
 */
final class OpaqueCursor {
    private static final String SEPARATOR = "\u0000";

    private OpaqueCursor() {}

    static String encode(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor's {@code count} parts, read by {@code read}; whatever either refuses is an {@link
     * InvalidInput}.
     */
    static <T> T decode(String cursor, int count, Function<List<String>, T> read) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                            .split(SEPARATOR, -1);
            if (parts.length != count) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return read.apply(Arrays.asList(parts));
        } catch (RuntimeException notIssuedHere) {
            throw new InvalidInput(
                    "cursor",
                    "is not a cursor this service issued; use the 'next' value of a previous page");
        }
    }

    /**
     * The cursor of a list ordered by a whole number: the list's name and the position of the last
     * item served, so that no other list's cursor passes for this one's.
     */
    static String encodePosition(String list, long position) {
        return encode(list, Long.toString(position));
    }

    /** The position an {@link #encodePosition} cursor of this list holds. */
    static long decodePosition(String cursor, String list) {
        return decode(
                cursor,
                2,
                parts -> {
                    long position = Long.parseLong(parts.get(1));
                    if (!parts.get(0).equals(list) || position < 0) {
                        throw new IllegalArgumentException("not a cursor of " + list);
                    }
                    return position;
                });
    }
}
