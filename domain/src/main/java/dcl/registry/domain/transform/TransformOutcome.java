package dcl.registry.domain.transform;

import java.util.List;

/** Everything a batch of records produced: events, fields nobody maps, and per-field problems. */
public record TransformOutcome(
        List<CanonicalEvent> events, List<String> unmapped, List<FieldProblem> problems) {
    public TransformOutcome {
        events = List.copyOf(events);
        unmapped = List.copyOf(unmapped);
        problems = List.copyOf(problems);
    }
}
