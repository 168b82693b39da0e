package dcl.registry.domain.port.in;

import dcl.registry.domain.intelligence.SimilarMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;

/** The known mapping most similar to a source field, when it is similar enough to be trusted. */
public interface RagLookupUseCase {
    /**
     * @throws dcl.registry.domain.error.NoSimilarMapping below the configured threshold
     */
    SimilarMapping lookUp(TenantId tenant, SourceRef source);
}
