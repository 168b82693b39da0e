package dcl.registry.adapters.rest.input;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.InvalidInput.Violation;
import dcl.registry.domain.model.TextRule;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds a JSON value to a request record, strictly: every member must be a component of the record
 * and of the JSON type the component declares (a number is not a string, a string is not a
 * boolean), every string keeps {@link TextRule#FREE_TEXT} and every string inside raw JSON values
 * (records sent for transformation) keeps {@link TextRule#DATA}. All violations of the body are
 * collected (up to {@value #MAX_REPORTED}) and reported at once, each under its path ({@code
 * schemaDiff.samples[2]}); nothing is converted silently.
 */
final class RecordBinding {
    static final int MAX_REPORTED = 100;
    private static final Pattern UUID_SHAPE =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ClassValue<Constructor<?>> CANONICAL =
            new ClassValue<>() {
                @Override
                protected Constructor<?> computeValue(Class<?> type) {
                    Class<?>[] parameters =
                            Arrays.stream(type.getRecordComponents())
                                    .map(RecordComponent::getType)
                                    .toArray(Class<?>[]::new);
                    try {
                        Constructor<?> constructor = type.getDeclaredConstructor(parameters);
                        constructor.trySetAccessible();
                        return constructor;
                    } catch (NoSuchMethodException impossible) {
                        throw new IllegalStateException(
                                "a record without its canonical constructor: " + type.getName(),
                                impossible);
                    }
                }
            };

    private final List<Violation> found = new ArrayList<>();
    private int unlisted;

    private RecordBinding() {}

    /**
     * The record the JSON describes.
     *
     * @throws InvalidInput listing every member that is unknown, of the wrong type or holds refused
     *     text
     */
    static <T> T bind(Class<T> type, JsonValue json) {
        RecordBinding binding = new RecordBinding();
        Object value = binding.value("", type, json);
        if (!binding.found.isEmpty()) {
            List<Violation> all = new ArrayList<>(binding.found);
            if (binding.unlisted > 0) {
                all.add(new Violation("body", binding.unlisted + " more problems are not listed"));
            }
            throw new InvalidInput(all);
        }
        return type.cast(value);
    }

    private void add(String path, String message) {
        if (found.size() < MAX_REPORTED) {
            found.add(new Violation(Shown.field(path), message));
        } else {
            unlisted++;
        }
    }

    private int problems() {
        return found.size() + unlisted;
    }

    private Object value(String path, Type type, JsonValue json) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return json.getValueType() == JsonValue.ValueType.NULL
                    ? Optional.empty()
                    : Optional.ofNullable(value(path, parameter(type, 0), json));
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return json(path, raw, json);
        }
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                add(path, "must be " + expected(type) + ", not null");
            }
            return null;
        }
        if (raw == String.class) {
            return text(path, type, json);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return switch (json.getValueType()) {
                case TRUE -> true;
                case FALSE -> false;
                default -> mismatch(path, type, json);
            };
        }
        if (isWhole(raw)) {
            return whole(path, raw, json);
        }
        if (raw == Double.class
                || raw == double.class
                || raw == Float.class
                || raw == float.class
                || raw == BigDecimal.class
                || raw == Number.class) {
            return number(path, raw, json);
        }
        if (raw.isEnum()) {
            return constant(path, raw, json);
        }
        if (raw == UUID.class) {
            String text = text(path, type, json);
            if (text != null && !UUID_SHAPE.matcher(text).matches()) {
                add(
                        path,
                        "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000, not "
                                + Shown.quoted(text));
                return null;
            }
            return text == null ? null : UUID.fromString(text);
        }
        if (raw == Instant.class) {
            String text = text(path, type, json);
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                add(
                        path,
                        "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z, not "
                                + Shown.quoted(text));
                return null;
            }
        }
        if (raw.isRecord()) {
            return record(path, raw, json);
        }
        if (Collection.class.isAssignableFrom(raw)
                && (raw.isAssignableFrom(ArrayList.class)
                        || raw.isAssignableFrom(LinkedHashSet.class))) {
            return list(path, type, raw, json);
        }
        if (Map.class.isAssignableFrom(raw) && raw.isAssignableFrom(LinkedHashMap.class)) {
            return map(path, type, json);
        }
        throw new IllegalStateException(
                "no JSON binding for the request component type " + type.getTypeName());
    }

    private Object mismatch(String path, Type type, JsonValue json) {
        add(path, "must be " + expected(type) + ", not " + described(json));
        return null;
    }

    private String text(String path, Type type, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.STRING) {
            mismatch(path, type, json);
            return null;
        }
        String text = ((JsonString) json).getString();
        TextRule.FREE_TEXT.breach(text).ifPresent(breach -> add(path, breach));
        return text;
    }

    private static boolean isWhole(Class<?> raw) {
        return raw == Integer.class
                || raw == int.class
                || raw == Long.class
                || raw == long.class
                || raw == Short.class
                || raw == short.class
                || raw == BigInteger.class;
    }

    private Object whole(String path, Class<?> raw, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.NUMBER) {
            return mismatch(path, raw, json);
        }
        BigDecimal number = ((JsonNumber) json).bigDecimalValue();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            add(path, "must be a whole number, not " + described(json));
            return null;
        }
        try {
            long value = number.longValueExact();
            if (value >= lowest(raw) && value <= highest(raw)) {
                if (raw == Integer.class || raw == int.class) {
                    return (int) value;
                }
                if (raw == Short.class || raw == short.class) {
                    return (short) value;
                }
                return raw == BigInteger.class ? BigInteger.valueOf(value) : value;
            }
        } catch (ArithmeticException beyondLong) {
            // reported below
        }
        add(
                path,
                "must be a whole number between "
                        + lowest(raw)
                        + " and "
                        + highest(raw)
                        + ", not "
                        + described(json));
        return null;
    }

    private static long lowest(Class<?> raw) {
        return raw == Integer.class || raw == int.class
                ? Integer.MIN_VALUE
                : raw == Short.class || raw == short.class ? Short.MIN_VALUE : Long.MIN_VALUE;
    }

    private static long highest(Class<?> raw) {
        return raw == Integer.class || raw == int.class
                ? Integer.MAX_VALUE
                : raw == Short.class || raw == short.class ? Short.MAX_VALUE : Long.MAX_VALUE;
    }

    private Object number(String path, Class<?> raw, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.NUMBER) {
            return mismatch(path, raw, json);
        }
        BigDecimal number = ((JsonNumber) json).bigDecimalValue();
        if (raw == BigDecimal.class || raw == Number.class) {
            return number;
        }
        double value = number.doubleValue();
        boolean single = raw == Float.class || raw == float.class;
        if (!Double.isFinite(value) || (single && !Float.isFinite((float) value))) {
            add(path, "is too large a number");
            return null;
        }
        return single ? (Object) (float) value : (Object) value;
    }

    private Object constant(String path, Class<?> raw, JsonValue json) {
        String text = text(path, raw, json);
        if (text == null) {
            return null;
        }
        for (Object constant : raw.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        add(path, "must be " + expected(raw) + ", not " + Shown.quoted(text));
        return null;
    }

    private Object record(String path, Class<?> raw, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            return mismatch(path, raw, json);
        }
        JsonObject object = json.asJsonObject();
        int before = problems();
        RecordComponent[] components = raw.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            if (!skipped(component)) {
                byName.put(wireName(component), component);
            }
        }
        for (String key : object.keySet()) {
            if (!byName.containsKey(key)) {
                add(
                        Shown.member(path, key),
                        "is not a known field; the fields are "
                                + String.join(", ", byName.keySet()));
            }
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonValue member = skipped(component) ? null : object.get(wireName(component));
            arguments[i] =
                    member == null
                            ? absent(component.getType())
                            : value(
                                    Shown.member(path, wireName(component)),
                                    component.getGenericType(),
                                    member);
            if (arguments[i] == null && component.getType().isPrimitive()) {
                arguments[i] = absent(component.getType());
            }
        }
        return problems() == before ? construct(raw, arguments) : null;
    }

    private Object construct(Class<?> raw, Object[] arguments) {
        try {
            return CANONICAL.get(raw).newInstance(arguments);
        } catch (InvocationTargetException refused) {
            if (refused.getCause() instanceof InvalidInput invalid) {
                invalid.violations().forEach(v -> add(v.field(), v.message()));
                return null;
            }
            if (refused.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(refused.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException notBindable) {
            throw new IllegalStateException("cannot build request " + raw.getName(), notBindable);
        }
    }

    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private Object list(String path, Type type, Class<?> raw, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.ARRAY) {
            return mismatch(path, type, json);
        }
        Type element = parameter(type, 0);
        List<Object> items = new ArrayList<>();
        JsonArray array = json.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            items.add(value(Shown.element(path, i), element, array.get(i)));
        }
        return Set.class.isAssignableFrom(raw)
                ? Collections.unmodifiableSet(new LinkedHashSet<>(items))
                : Collections.unmodifiableList(items);
    }

    private Object map(String path, Type type, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            return mismatch(path, type, json);
        }
        Class<?> key = raw(parameter(type, 0));
        if (key != String.class) {
            throw new IllegalStateException(
                    "JSON object keys are text; cannot bind to " + type.getTypeName());
        }
        Type valueType = parameter(type, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        json.asJsonObject()
                .forEach(
                        (name, member) -> {
                            String at = Shown.member(path, name);
                            TextRule.FREE_TEXT
                                    .breach(name)
                                    .ifPresent(breach -> add(at, "is a key that " + breach));
                            out.put(name, value(at, valueType, member));
                        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Raw JSON is data: any JSON of the declared kind, whose strings and keys hold no NUL and no
     * lone surrogate.
     */
    private Object json(String path, Class<?> raw, JsonValue json) {
        JsonValue.ValueType kind = json.getValueType();
        boolean fits =
                raw == JsonValue.class
                        || (raw == JsonObject.class && kind == JsonValue.ValueType.OBJECT)
                        || (raw == JsonArray.class && kind == JsonValue.ValueType.ARRAY)
                        || (raw == JsonStructure.class
                                && (kind == JsonValue.ValueType.OBJECT
                                        || kind == JsonValue.ValueType.ARRAY))
                        || (raw == JsonString.class && kind == JsonValue.ValueType.STRING)
                        || (raw == JsonNumber.class && kind == JsonValue.ValueType.NUMBER);
        if (!fits) {
            return kind == JsonValue.ValueType.NULL ? null : mismatch(path, raw, json);
        }
        data(path, json);
        return json;
    }

    private void data(String path, JsonValue json) {
        switch (json.getValueType()) {
            case STRING ->
                    TextRule.DATA
                            .breach(((JsonString) json).getString())
                            .ifPresent(breach -> add(path, breach));
            case OBJECT ->
                    json.asJsonObject()
                            .forEach(
                                    (name, member) -> {
                                        String at = Shown.member(path, name);
                                        TextRule.DATA
                                                .breach(name)
                                                .ifPresent(
                                                        breach ->
                                                                add(at, "is a key that " + breach));
                                        data(at, member);
                                    });
            case ARRAY -> {
                JsonArray array = json.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    data(Shown.element(path, i), array.get(i));
                }
            }
            default -> {}
        }
    }

    private static String described(JsonValue json) {
        return switch (json.getValueType()) {
            case STRING -> "a string (" + Shown.quoted(((JsonString) json).getString()) + ")";
            case NUMBER -> "a number (" + Shown.escaped(json.toString(), Shown.MAX_SHOWN) + ")";
            case TRUE, FALSE -> "a boolean (" + json + ")";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
        };
    }

    /** What a JSON value for this type looks like, in the caller's words. */
    static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return expected(parameter(type, 0));
        }
        if (raw == String.class || raw == JsonString.class) {
            return "a string";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (isWhole(raw)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(raw)
                || raw == double.class
                || raw == float.class
                || raw == JsonNumber.class) {
            return "a number";
        }
        if (raw.isEnum()) {
            return "one of "
                    + Arrays.stream(raw.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (raw == UUID.class) {
            return "a UUID (a string)";
        }
        if (raw == Instant.class) {
            return "an ISO-8601 instant (a string)";
        }
        if (raw == JsonStructure.class) {
            return "an object or an array";
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw) || raw == JsonObject.class) {
            return "an object";
        }
        if (Iterable.class.isAssignableFrom(raw) || raw == JsonArray.class) {
            return "an array";
        }
        return "a JSON value";
    }

    private static String wireName(RecordComponent component) {
        JsonbProperty property = annotation(component, JsonbProperty.class);
        return property != null && !property.value().isEmpty()
                ? property.value()
                : component.getName();
    }

    private static boolean skipped(RecordComponent component) {
        return annotation(component, JsonbTransient.class) != null;
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(
            RecordComponent component, Class<A> type) {
        A onAccessor = component.getAccessor().getAnnotation(type);
        if (onAccessor != null) {
            return onAccessor;
        }
        try {
            return component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(type);
        } catch (NoSuchFieldException impossible) {
            return null;
        }
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        throw new IllegalStateException(
                "no JSON binding for the request component type " + type.getTypeName());
    }

    private static Type parameter(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }
}
