package dcl.registry.domain.model;

import java.util.List;

/**
 * Changes after a sequence number, and where to continue: the last seq served (or the one asked).
 */
public record ChangePage(List<MappingChangeEvent> changes, long next) {
    public ChangePage {
        changes = List.copyOf(changes);
    }
}
