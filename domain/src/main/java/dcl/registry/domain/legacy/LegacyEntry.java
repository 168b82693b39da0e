package dcl.registry.domain.legacy;

import java.util.Map;

/**
 * One field line of a legacy file, exactly as written: nothing is validated yet, so that every
 * problem can be reported with its file, table and field.
 */
public record LegacyEntry(
        String file,
        String connector,
        String table,
        String entity,
        String field,
        String canonical,
        String transformType,
        String transformFormat,
        Map<String, String> transformValues) {

    public boolean hasTransform() {
        return transformType != null || transformFormat != null || transformValues != null;
    }

    public LegacyProblem problem(String reason) {
        return new LegacyProblem(file, table, field, reason);
    }
}
