package dcl.registry.domain.port.in;

import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;

/** The runtime's question: how does this source field map? Answers ACTIVE mappings only. */
public interface LookUpMappingUseCase {
    FieldMapping lookUp(TenantId tenant, SourceRef source);
}
