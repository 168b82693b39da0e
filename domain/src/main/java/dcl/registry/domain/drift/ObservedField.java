package dcl.registry.domain.drift;

import dcl.registry.domain.model.SourceField;
import java.util.List;
import java.util.Optional;

/** A field the runtime saw in a source table, with its declared type and some values when known. */
public record ObservedField(SourceField name, Optional<String> type, List<String> samples) {
    public ObservedField {
        samples = List.copyOf(samples);
    }
}
