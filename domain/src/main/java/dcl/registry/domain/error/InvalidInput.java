package dcl.registry.domain.error;

import java.util.List;

/** The request breaks one or more rules; every broken rule is listed, not only the first. */
public final class InvalidInput extends DomainException {
    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            Violation only = violations.get(0);
            return only.field() + ": " + only.message();
        }
        return violations.size() + " fields are invalid";
    }

    /** One broken rule: which field (a JSON path into the request) and what is wrong with it. */
    public record Violation(String field, String message) {}
}
