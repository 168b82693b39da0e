package dcl.registry.adapters.rest.input;

import dcl.registry.domain.error.InvalidInput;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A request body as JSON: decoded as strict UTF-8 (RFC 8259; a malformed byte is refused, never
 * replaced), parsed with objects and arrays nested at most {@value #MAX_DEPTH} deep, no member
 * named twice in one object, no number written with more than {@value #MAX_NUMBER_LENGTH}
 * characters. An empty body and a bare {@code null} are "no body". Any failure is an {@link
 * InvalidInput} naming the body (or the member at fault) and saying where, without parser
 * internals.
 */
public final class JsonBody {
    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBody() {}

    /** The JSON value of the body, or empty when there is none. */
    public static Optional<JsonValue> parse(byte[] bytes) {
        String text = utf8(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte order mark may be ignored (RFC 8259, section 8.1)
        }
        if (onlyWhiteSpace(text)) {
            return Optional.empty();
        }
        JsonValue value = tree(text);
        return value.getValueType() == JsonValue.ValueType.NULL
                ? Optional.empty()
                : Optional.of(value);
    }

    static String utf8(byte[] bytes) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out =
                CharBuffer.allocate(bytes.length); // UTF-8 never needs more UTF-16 units than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidInput(
                    "body",
                    "is not valid UTF-8 (byte "
                            + (in.position() + 1)
                            + " of "
                            + bytes.length
                            + " starts a malformed sequence); send JSON encoded as UTF-8");
        }
        return out.flip().toString();
    }

    private static boolean onlyWhiteSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** One open object or array while parsing. */
    private static final class Open {
        final String path;
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> keys = new HashSet<>();
        String key;
        int size;

        Open(String path, boolean isObject) {
            this.path = path;
            this.object = isObject ? JSON.createObjectBuilder() : null;
            this.array = isObject ? null : JSON.createArrayBuilder();
        }

        String childPath() {
            return object != null ? Shown.member(path, key) : Shown.element(path, size);
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
            size++;
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    private static JsonValue tree(String text) {
        Deque<Open> open = new ArrayDeque<>();
        JsonValue root = null;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                JsonValue done =
                        switch (event) {
                            case START_OBJECT, START_ARRAY -> {
                                if (open.size() == MAX_DEPTH) {
                                    throw new InvalidInput(
                                            "body",
                                            "nests objects and arrays more than "
                                                    + MAX_DEPTH
                                                    + " levels deep");
                                }
                                String path = open.isEmpty() ? "" : open.peek().childPath();
                                open.push(new Open(path, event == JsonParser.Event.START_OBJECT));
                                yield null;
                            }
                            case KEY_NAME -> {
                                Open object = open.peek();
                                object.key = parser.getString();
                                if (!object.keys.add(object.key)) {
                                    throw new InvalidInput(
                                            Shown.field(object.childPath()),
                                            "appears twice in the same object");
                                }
                                yield null;
                            }
                            case VALUE_STRING -> JSON.createValue(parser.getString());
                            case VALUE_NUMBER -> {
                                if (parser.getString().length()
                                        > MAX_NUMBER_LENGTH) { // huge literals cost time to convert
                                    throw new InvalidInput(
                                            Shown.field(
                                                    open.isEmpty() ? "" : open.peek().childPath()),
                                            "is a number written with more than "
                                                    + MAX_NUMBER_LENGTH
                                                    + " characters");
                                }
                                yield JSON.createValue(parser.getBigDecimal());
                            }
                            case VALUE_TRUE -> JsonValue.TRUE;
                            case VALUE_FALSE -> JsonValue.FALSE;
                            case VALUE_NULL -> JsonValue.NULL;
                            case END_OBJECT, END_ARRAY -> open.pop().build();
                        };
                if (done != null) {
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().add(done);
                    }
                }
            }
        } catch (JsonParsingException malformed) {
            throw new InvalidInput("body", "is not well-formed JSON" + where(malformed));
        } catch (JsonException | NumberFormatException | ArithmeticException unreadable) {
            throw new InvalidInput("body", "is not well-formed JSON");
        }
        if (root == null) {
            throw new InvalidInput("body", "is not well-formed JSON: it holds no value");
        }
        return root;
    }

    private static String where(JsonParsingException malformed) {
        String message = malformed.getMessage() == null ? "" : malformed.getMessage();
        String what = message.contains("EOF") ? ": it ends before the JSON is complete" : "";
        return what + position(malformed.getLocation());
    }

    /**
     * Where in the body a parser stopped, as " (line L, column C)", or nothing when it does not
     * say.
     */
    public static String position(JsonLocation at) {
        if (at == null || at.getLineNumber() < 0) {
            return "";
        }
        return " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
    }
}
