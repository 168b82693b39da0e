package dcl.registry.domain.model;

import dcl.registry.domain.error.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happens to a value on its way to the canonical model. A small, closed set: anything else is
 * rejected when the mapping is written, never discovered at run time.
 */
public sealed interface Transform {
    List<String> TYPES =
            List.of("lowercase", "uppercase", "trim", "number", "boolean", "date", "valueMap");

    /** The wire name of the transform. */
    String type();

    /**
     * Applies the transform to one value; {@code null} stays {@code null}.
     *
     * @throws ValueNotTransformable when the value does not fit the transform
     */
    Object apply(Object value);

    /** Builds a transform from its wire form, checking every parameter. */
    static Transform of(String type, String format, Map<String, String> values) {
        if (type == null || type.isBlank()) {
            throw new InvalidInput(
                    "transform.type", "is required; allowed: " + String.join(", ", TYPES));
        }
        return switch (type) {
            case "lowercase" -> new Lowercase();
            case "uppercase" -> new Uppercase();
            case "trim" -> new Trim();
            case "number" -> new ToNumber();
            case "boolean" -> new ToBoolean();
            case "date" -> new ToDate(format);
            case "valueMap" -> new ValueMap(values);
            default ->
                    throw new InvalidInput(
                            "transform.type",
                            "unknown transform '"
                                    + type
                                    + "'; allowed: "
                                    + String.join(", ", TYPES));
        };
    }

    /** A value the transform cannot handle; reported per field, never fatal for the record. */
    final class ValueNotTransformable extends RuntimeException {
        public ValueNotTransformable(String message) {
            super(message, null, false, false);
        }
    }

    private static String text(Transform transform, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new ValueNotTransformable(transform.type() + " expects text, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    record Lowercase() implements Transform {
        @Override
        public String type() {
            return "lowercase";
        }

        @Override
        public Object apply(Object value) {
            return value == null ? null : Transform.text(this, value).toLowerCase(Locale.ROOT);
        }
    }

    record Uppercase() implements Transform {
        @Override
        public String type() {
            return "uppercase";
        }

        @Override
        public Object apply(Object value) {
            return value == null ? null : Transform.text(this, value).toUpperCase(Locale.ROOT);
        }
    }

    record Trim() implements Transform {
        @Override
        public String type() {
            return "trim";
        }

        @Override
        public Object apply(Object value) {
            return value == null ? null : Transform.text(this, value).strip();
        }
    }

    record ToNumber() implements Transform {
        @Override
        public String type() {
            return "number";
        }

        @Override
        public Object apply(Object value) {
            if (value == null || value instanceof BigDecimal) {
                return value;
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof String s && !s.isBlank()) {
                try {
                    return new BigDecimal(s.strip().replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new ValueNotTransformable("'" + s + "' is not a number");
                }
            }
            throw new ValueNotTransformable(
                    "number expects a number or numeric text, got " + describe(value));
        }
    }

    record ToBoolean() implements Transform {
        private static final List<String> TRUE = List.of("true", "yes", "y", "1", "on");
        private static final List<String> FALSE = List.of("false", "no", "n", "0", "off");

        @Override
        public String type() {
            return "boolean";
        }

        @Override
        public Object apply(Object value) {
            if (value == null || value instanceof Boolean) {
                return value;
            }
            String word = Transform.text(this, value).strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(word)) {
                return true;
            }
            if (FALSE.contains(word)) {
                return false;
            }
            throw new ValueNotTransformable(
                    "'" + value + "' is not a boolean (true/false, yes/no, 1/0, on/off)");
        }
    }

    /**
     * Parses text in {@code format} and emits ISO-8601 (a date, or a date-time when the format has
     * a time).
     */
    record ToDate(String format) implements Transform {
        public ToDate {
            if (format == null || format.isBlank()) {
                throw new InvalidInput(
                        "transform.format", "is required for a date transform, e.g. yyyy-MM-dd");
            }
            try {
                var unused = DateTimeFormatter.ofPattern(format, Locale.ROOT); // only validates
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(
                        "transform.format", "is not a valid date pattern: " + e.getMessage());
            }
        }

        @Override
        public String type() {
            return "date";
        }

        @Override
        public Object apply(Object value) {
            if (value == null) {
                return null;
            }
            String text = Transform.text(this, value).strip();
            try {
                DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format, Locale.ROOT);
                TemporalAccessor parsed = formatter.parse(text);
                LocalDate date = LocalDate.from(parsed);
                // the parser moves a day past its month's end back to that end (2024-02-30 reads
                // as 2024-02-29): a different date than the source holds, so refused instead
                TemporalAccessor asWritten =
                        formatter.parseUnresolved(text, new java.text.ParsePosition(0));
                if (asWritten.isSupported(ChronoField.DAY_OF_MONTH)
                        && asWritten.getLong(ChronoField.DAY_OF_MONTH) != date.getDayOfMonth()) {
                    throw new ValueNotTransformable(
                            "'" + text + "' is not a day of its month (format " + format + ")");
                }
                if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                    return LocalDateTime.from(parsed).toString();
                }
                return date.toString();
            } catch (java.time.DateTimeException e) {
                throw new ValueNotTransformable(
                        "'" + text + "' does not match the date format " + format);
            }
        }
    }

    /** Replaces known values ({@code Closed Won → won}); a value it does not know is an error. */
    record ValueMap(Map<String, String> values) implements Transform {
        public ValueMap {
            if (values == null || values.isEmpty()) {
                throw new InvalidInput(
                        "transform.values", "must map at least one value for a valueMap transform");
            }
            for (Map.Entry<String, String> entry : values.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    throw new InvalidInput(
                            "transform.values", "keys and values must be text, not null");
                }
            }
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "valueMap";
        }

        @Override
        public Object apply(Object value) {
            if (value == null) {
                return null;
            }
            String key = Transform.text(this, value);
            String mapped = values.get(key);
            if (mapped == null) {
                throw new ValueNotTransformable(
                        "'" + key + "' is not one of the mapped values " + values.keySet());
            }
            return mapped;
        }
    }
}
