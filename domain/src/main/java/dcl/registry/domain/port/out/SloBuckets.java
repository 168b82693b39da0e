package dcl.registry.domain.port.out;

import dcl.registry.domain.slo.SloCounts;
import java.time.Instant;

/**
 * Where every node adds its SLO counts, per node and time bucket, so that budgets are computed over
 * the window across all nodes.
 */
public interface SloBuckets {
    /** Adds {@code counts} to the node's bucket starting at {@code bucketStart}. */
    void add(String node, Instant bucketStart, SloCounts counts);

    /** All nodes' counts in buckets starting at or after {@code from}. */
    SloCounts since(Instant from);

    /** Forgets buckets that started before {@code cutoff}; returns how many went. */
    int forgetBefore(Instant cutoff);
}
