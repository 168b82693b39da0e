package dcl.registry.domain.transform;

/** A value of one record that could not be transformed; the rest of the record still flows. */
public record FieldProblem(int record, String field, String message) {}
