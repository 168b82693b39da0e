package dcl.registry.domain.intelligence;

import java.util.Objects;

/**
 * A fallback a proposal took: which strategy could not answer and why (e.g. {@code llm: circuit
 * open}). Listed in the response's {@code degraded}, written to the audit trail and counted in a
 * metric.
 */
public record Fallback(String strategy, String reason) {
    public Fallback {
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(reason);
    }

    @Override
    public String toString() {
        return strategy + ": " + reason;
    }
}
