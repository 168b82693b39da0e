package dcl.registry.application;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.ChangePage;
import dcl.registry.domain.model.MappingChangeEvent;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.WatchMappingChangesUseCase;
import dcl.registry.domain.port.out.LoadMappingChanges;
import java.time.Duration;
import java.util.List;

/**
 * Long-polls the outbox: answers at once when there are changes, else checks again until the wait
 * ends.
 */
public class MappingChangeFeedService implements WatchMappingChangesUseCase {
    public static final int MAX_LIMIT = 1000;
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final LoadMappingChanges changes;
    private final Duration pollInterval;

    public MappingChangeFeedService(LoadMappingChanges changes, Duration pollInterval) {
        this.changes = changes;
        this.pollInterval = pollInterval;
    }

    @Override
    public ChangePage changes(TenantId tenant, long since, int limit, Duration wait) {
        if (since < 0) {
            throw new InvalidInput("since", "must be 0 or a seq from a previous answer");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw new InvalidInput(
                    "timeout", "must be between 0 and " + MAX_WAIT.toSeconds() + " seconds");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<MappingChangeEvent> found = changes.after(tenant, since, limit);
            if (!found.isEmpty()) {
                return new ChangePage(found, found.get(found.size() - 1).seq());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new ChangePage(List.of(), since);
            }
            pause(Math.min(left, pollInterval.toNanos()));
        }
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for changes", e);
        }
    }
}
