package dcl.registry.domain.port.out;

import dcl.registry.domain.intelligence.KnownVector;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Embeddings of mappings kept beside them, so that a restart reloads the index instead of
 * recomputing it.
 */
public interface StoredEmbeddings {
    /**
     * Every ACTIVE mapping of every tenant, with its stored vector for this model key when there is
     * one.
     */
    void forEachActive(String modelKey, Consumer<KnownVector> each);

    void save(String modelKey, TenantId tenant, Map<MappingId, QuantizedVector> vectors);

    /** The position of the latest mapping write, on any node. */
    long latestChange();

    /**
     * Mappings written (on any node) after {@code position}, oldest first, at most {@code limit},
     * as they are now, with their stored vector for this model key when there is one.
     */
    List<ChangedMapping> changedSince(String modelKey, long position, int limit);

    /**
     * The mappings whose latest write holds one of these positions (writes that committed late).
     */
    List<ChangedMapping> changedAt(String modelKey, Collection<Long> positions);

    /**
     * A mapping write seen through the database: the mapping as it is now, and where it is in the
     * write order.
     */
    record ChangedMapping(KnownVector mapping, boolean active, long position) {}
}
