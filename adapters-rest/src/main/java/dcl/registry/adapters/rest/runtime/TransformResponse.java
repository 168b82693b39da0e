package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.transform.TransformOutcome;
import java.util.List;
import java.util.Map;

/** Canonical events, the fields no mapping covers, and per-field errors (the rest still flows). */
public record TransformResponse(
        List<Event> events, List<String> unmapped, List<FieldError> errors) {
    public record Event(int record, String entity, Map<String, Object> values) {}

    public record FieldError(int record, String field, String message) {}

    static TransformResponse from(TransformOutcome outcome) {
        return new TransformResponse(
                outcome.events().stream()
                        .map(e -> new Event(e.record(), e.entity(), e.values()))
                        .toList(),
                outcome.unmapped(),
                outcome.problems().stream()
                        .map(p -> new FieldError(p.record(), p.field(), p.message()))
                        .toList());
    }
}
