package dcl.registry.domain.port.in;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.util.Optional;

/** The runtime's question: how does this source field map? Answers ACTIVE mappings only. */
public interface LookUpMappingUseCase {
    FieldMapping lookUp(TenantId tenant, SourceRef source);

    /**
     * The answer {@link #lookUp} would give, when it is at hand in memory: a served mapping the
     * cache holds, for a tenant the registry serves without a YAML comparison. Empty whenever more
     * is needed (a cache miss, not found, YAML, dual-read): then ask {@link #lookUp}.
     */
    Optional<FieldMapping> lookUpInMemory(TenantId tenant, SourceRef source);
}
