package dcl.registry.domain.drift;

import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drift the runtime reports for one table: either the changes it detected ({@code changes}) or the
 * fields it observes now ({@code observed}), in which case the service computes the changes itself.
 */
public record DriftRequest(
        ConnectorId connector,
        SourceTable table,
        Optional<Instant> detectedAt,
        List<SchemaChange> changes,
        Optional<List<ObservedField>> observed) {
    /** The most fields one report may observe in a table (wider tables are not real sources). */
    public static final int MAX_OBSERVED_FIELDS = 2000;

    public DriftRequest {
        changes = List.copyOf(changes);
        observed = observed.map(List::copyOf);
    }
}
