package dcl.registry.domain.model;

import java.time.Instant;

/**
 * One committed change to a tenant's mappings, as the runtime's change feed shows it. {@code seq}
 * grows with commit order within a tenant, so a client that resumes after its last seq misses none.
 */
public record MappingChangeEvent(long seq, ChangeAction action, FieldMapping mapping, Instant at) {}
