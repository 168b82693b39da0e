package dcl.registry.domain.decision;

import dcl.registry.domain.error.InvalidInput;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of a tenant's decisions to read: made in [{@code from}, {@code to}), answered by {@code
 * strategy} (a label such as {@code rag}; a drift repair's {@code drift-repair} matches all its
 * kinds), violating or not.
 */
public record DecisionQuery(
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> strategy,
        Optional<Boolean> violation) {

    public DecisionQuery {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidInput("to", "must be after from");
        }
    }

    public static DecisionQuery between(Instant from, Instant to) {
        return new DecisionQuery(
                Optional.of(from), Optional.of(to), Optional.empty(), Optional.empty());
    }
}
