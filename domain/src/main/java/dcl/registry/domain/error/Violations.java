package dcl.registry.domain.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the violations of several value objects so that a caller learns all of them at once. */
public final class Violations {
    private final List<InvalidInput.Violation> found = new ArrayList<>();

    /**
     * Builds a value, remembering its violations instead of throwing; returns null when it is
     * invalid.
     */
    public <T> T check(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            found.addAll(invalid.violations());
            return null;
        }
    }

    public void add(String field, String message) {
        found.add(new InvalidInput.Violation(field, message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
