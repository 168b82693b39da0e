package dcl.registry.domain.port.in;

import dcl.registry.domain.model.ChangePage;
import dcl.registry.domain.model.TenantId;
import java.time.Duration;

/**
 * The runtime keeps its near-cache fresh: changes after {@code since}, waiting up to {@code wait}
 * for the first one when there are none yet (long poll).
 */
public interface WatchMappingChangesUseCase {
    ChangePage changes(TenantId tenant, long since, int limit, Duration wait);
}
