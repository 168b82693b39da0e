package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.InvalidInput;
import java.util.List;
import java.util.Objects;

/**
 * Example values of a source field that the runtime sends along with a proposal request or a drift
 * report: at most {@value #MAX} of them, enough to judge a field's kind of values.
 */
public final class SampleValues {
    public static final int MAX = 100;

    /**
     * The longest sample: a long text field's value is evidence enough by then, and every sample is
     * stored with the proposal and shown to reviewers.
     */
    public static final int MAX_LENGTH = 2_000;

    private SampleValues() {}

    /**
     * The distinct words of the first 20 samples that are short codes or words (statuses,
     * categories), folded as names are: what a canonical field's listed values are compared with.
     */
    public static List<String> words(List<String> samples) {
        return words(samples, 20);
    }

    /** As {@link #words(List)}, over the first {@code limit} values. */
    public static List<String> words(List<String> values, int limit) {
        return values.stream()
                .limit(limit)
                .filter(s -> s != null && s.strip().matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,40}"))
                .map(s -> Names.stem(String.join(" ", Names.words(s.strip()))))
                .distinct()
                .toList();
    }

    /**
     * The given values without nulls; none when not given.
     *
     * @throws InvalidInput naming {@code field} when there are more than {@value #MAX}, or one
     *     longer than {@value #MAX_LENGTH} characters
     */
    public static List<String> of(String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX) {
            throw new InvalidInput(field, "at most " + MAX + " samples");
        }
        for (int i = 0; i < given.size(); i++) {
            String sample = given.get(i);
            if (sample != null && sample.length() > MAX_LENGTH) {
                throw new InvalidInput(
                        field + "[" + i + "]",
                        "at most " + MAX_LENGTH + " characters (cut long values before sending)");
            }
        }
        return given.stream().filter(Objects::nonNull).toList();
    }
}
