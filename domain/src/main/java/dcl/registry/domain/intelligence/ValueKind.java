package dcl.registry.domain.intelligence;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What sample values look like, and whether that fits a canonical field's declared type. */
public enum ValueKind {
    NUMBER,
    BOOLEAN,
    DATE,
    EMAIL,
    TEXT;

    private static final Pattern NUMBER_TEXT = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?");
    private static final Pattern DATE_TEXT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{1,2}/\\d{1,2}/\\d{2,4}.*");
    private static final Pattern EMAIL_TEXT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The kind most samples have; empty without samples. */
    public static Optional<ValueKind> of(List<String> samples) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        Map<ValueKind, Integer> counts = new EnumMap<>(ValueKind.class);
        for (String sample : samples) {
            counts.merge(classify(sample), 1, Integer::sum);
        }
        // Ties go to the kind declared first, as EnumMap iterates in declaration order.
        ValueKind best = null;
        for (Map.Entry<ValueKind, Integer> count : counts.entrySet()) {
            if (best == null || count.getValue() > counts.get(best)) {
                best = count.getKey();
            }
        }
        return Optional.of(best);
    }

    static ValueKind classify(String sample) {
        String s = sample == null ? "" : sample.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return BOOLEAN;
        }
        if (DATE_TEXT.matcher(s).matches()) {
            return DATE;
        }
        if (NUMBER_TEXT.matcher(s).matches()) {
            return NUMBER;
        }
        if (EMAIL_TEXT.matcher(s).matches()) {
            return EMAIL;
        }
        return TEXT;
    }

    /**
     * 1 when the kind fits the declared type, lower when it clearly does not; 1 when either is
     * unknown.
     */
    public double fit(Optional<String> declaredType) {
        if (declaredType.isEmpty()) {
            return 1.0;
        }
        String type = declaredType.get().toLowerCase(Locale.ROOT);
        boolean numeric =
                type.contains("int")
                        || type.contains("num")
                        || type.contains("decimal")
                        || type.contains("float")
                        || type.contains("double");
        boolean temporal = type.contains("date") || type.contains("time");
        boolean bool = type.contains("bool");
        return switch (this) {
            case NUMBER -> numeric || type.contains("string") ? 1.0 : bool || temporal ? 0.6 : 0.9;
            case BOOLEAN -> bool ? 1.0 : numeric || temporal ? 0.6 : 0.9;
            case DATE -> temporal ? 1.0 : numeric || bool ? 0.6 : 0.9;
            case EMAIL, TEXT -> numeric || bool || temporal ? 0.6 : 1.0;
        };
    }
}
